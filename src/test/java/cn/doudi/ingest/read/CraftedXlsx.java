package cn.doudi.ingest.read;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hand-made XLSX files, part by part, as an attacker (or a broken exporter) writes them: the sheet's XML
 * and the shared strings are whatever the test streams into them, so that a zip bomb of gigabytes is
 * written in seconds without ever being held in memory.
 */
public final class CraftedXlsx {

	private CraftedXlsx() {
	}

	/** Something that writes XML text into a part. */
	public interface Part extends Consumer<Writer> {
	}

	/** Writes text into a part (UTF-8). */
	public static final class Writer {

		private final OutputStream out;

		Writer(OutputStream out) {
			this.out = out;
		}

		public Writer text(String s) {
			try {
				out.write(s.getBytes(StandardCharsets.UTF_8));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return this;
		}

		/** The same bytes {@code times} times. */
		public Writer repeat(String s, long times) {
			byte[] one = s.getBytes(StandardCharsets.UTF_8);
			byte[] block = new byte[Math.max(one.length, (1 << 16) / one.length * one.length)];
			for (int i = 0; i + one.length <= block.length; i += one.length) {
				System.arraycopy(one, 0, block, i, one.length);
			}
			long perBlock = block.length / one.length;
			try {
				long left = times;
				while (left >= perBlock) {
					out.write(block);
					left -= perBlock;
				}
				for (long i = 0; i < left; i++) {
					out.write(one);
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return this;
		}
	}

	/** A workbook whose first sheet's {@code <sheetData>} content and whose shared strings are given. */
	public static Path write(Path file, Part sheetData, Part sharedStrings) throws IOException {
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			zip.setLevel(Deflater.DEFAULT_COMPRESSION);
			entry(zip, "[Content_Types].xml", w -> w.text("""
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
					<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
					<Default Extension="xml" ContentType="application/xml"/>\
					<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
					<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
					<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
					</Types>"""));
			entry(zip, "_rels/.rels", w -> w.text("""
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
					</Relationships>"""));
			entry(zip, "xl/workbook.xml", w -> w.text("""
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
					xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
					<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
			entry(zip, "xl/_rels/workbook.xml.rels", w -> w.text("""
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
					<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
					</Relationships>"""));
			entry(zip, "xl/worksheets/sheet1.xml", w -> {
				w.text("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
						+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
				sheetData.accept(w);
				w.text("</sheetData></worksheet>");
			});
			entry(zip, "xl/sharedStrings.xml", w -> {
				w.text("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
						+ "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
				sharedStrings.accept(w);
				w.text("</sst>");
			});
		}
		return file;
	}

	/** A row of inline-string cells (A, B, C, …) numbered {@code r}. */
	public static String row(int r, String... texts) {
		StringBuilder s = new StringBuilder("<row r=\"" + r + "\">");
		for (int i = 0; i < texts.length; i++) {
			s.append("<c r=\"").append((char) ('A' + i)).append(r).append("\" t=\"inlineStr\"><is><t>")
				.append(texts[i].replace("&", "&amp;").replace("<", "&lt;"))
				.append("</t></is></c>");
		}
		return s.append("</row>").toString();
	}

	private static void entry(ZipOutputStream zip, String name, Consumer<Writer> content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		content.accept(new Writer(zip));
		zip.closeEntry();
	}
}
