package cn.doudi.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reading notices back in tests: PDF text and pages, XLSX cells as shown, and the privacy scan. */
final class NoticeFiles {

	/** A full ID number (17 digits and a digit or X). */
	static final Pattern FULL_ID = Pattern.compile("\\d{17}[\\dXx]");
	/** Any run of 12 to 19 digits: account numbers, unmasked IDs, household numbers. */
	static final Pattern LONG_DIGITS = Pattern.compile("(?<!\\d)\\d{12,19}(?!\\d)");

	private NoticeFiles() {
	}

	static String pdfText(Path pdf) throws IOException {
		try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
			return new PDFTextStripper().getText(doc);
		}
	}

	/** The base font names of every font the PDF's pages use (subset tags included), sorted. */
	static List<String> fontNames(Path pdf) throws IOException {
		java.util.Set<String> names = new java.util.TreeSet<>();
		try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
			for (var page : d.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					names.add(page.getResources().getFont(name).getName());
				}
			}
		}
		return List.copyOf(names);
	}

	static int pages(Path pdf) throws IOException {
		try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
			return doc.getNumberOfPages();
		}
	}

	/** Every page's text, in order. */
	static List<String> pageTexts(Path pdf) throws IOException {
		try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
			List<String> pages = new ArrayList<>();
			PDFTextStripper stripper = new PDFTextStripper();
			for (int p = 1; p <= doc.getNumberOfPages(); p++) {
				stripper.setStartPage(p);
				stripper.setEndPage(p);
				pages.add(stripper.getText(doc));
			}
			return pages;
		}
	}

	/** Every non-empty cell of the first sheet as Excel shows it, row by row ({@code |}-separated). */
	static List<String> xlsxRows(Path xlsx) throws IOException {
		try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
			DataFormatter shown = new DataFormatter();
			List<String> rows = new ArrayList<>();
			for (Row row : wb.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				for (Cell cell : row) {
					String v = shown.formatCellValue(cell);
					if (!v.isEmpty()) {
						cells.add(v);
					}
				}
				if (!cells.isEmpty()) {
					rows.add(String.join("|", cells));
				}
			}
			return rows;
		}
	}

	/** Every cell's raw value (numbers unformatted) too, for the privacy scan. */
	static String xlsxRaw(Path xlsx) throws IOException {
		StringBuilder sb = new StringBuilder();
		try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
			for (Row row : wb.getSheetAt(0)) {
				for (Cell cell : row) {
					sb.append(cell.toString()).append('\n');
				}
			}
			sb.append(wb.getProperties().getCoreProperties().getTitle()).append('\n');
		}
		return sb.toString();
	}

	static void assertNoFullNumbers(String text) {
		assertThat(FULL_ID.matcher(text).find()).as("a full ID number in: %s", text).isFalse();
		assertThat(LONG_DIGITS.matcher(text).find()).as("a 12–19-digit number in: %s", text).isFalse();
	}

	/** Renders a page to PNG (for a person to look at). */
	static void png(Path pdf, int page, Path png) throws IOException {
		try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
			ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(page, 110), "png", png.toFile());
		}
	}
}
