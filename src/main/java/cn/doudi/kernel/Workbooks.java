package cn.doudi.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLDocumentPart;
import org.apache.poi.ooxml.POIXMLRelation;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFFactory;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTRst;

/**
 * New XLSX workbooks made in memory (notices, findings.xlsx, summary.xlsx): POI's {@link XSSFWorkbook} with
 * one change that leaves the file as it was. POI's shared-strings table finds a repeated string by the XML
 * text of its entry, serialising every string it is given to XML to look it up (half the time of writing a
 * cell); here a plain string — text only, no formatting runs and no phonetic text, as {@code
 * setCellValue(String)} makes — is looked up by its text, which identifies it as well (the entry's XML follows
 * from the text). Same entries, same order, same bytes.
 */
public final class Workbooks {

	private static final XSSFFactory FACTORY = new XSSFFactory() {
		@Override
		public POIXMLDocumentPart newDocumentPart(POIXMLRelation descriptor) {
			return descriptor == XSSFRelation.SHARED_STRINGS ? new PlainTextKeys() : super.newDocumentPart(descriptor);
		}
	};

	/** The document's dates (POI stamps now). */
	private static final Date FIXED = new Date(0);

	private Workbooks() {
	}

	/** A new, empty workbook. */
	public static XSSFWorkbook create() {
		return new XSSFWorkbook(FACTORY);
	}

	/** What fills a new workbook: its sheets, rows and styles. */
	@FunctionalInterface
	public interface Content {
		void fill(XSSFWorkbook wb) throws IOException;
	}

	/**
	 * A new workbook that {@code content} fills, as the bytes of its XLSX, the same for the same content: the
	 * document created and modified at 1970-01-01 by {@code Doudi}, every entry stamped {@link
	 * StableZip#FIXED_TIME}. The workbook is let go after, not closed: close() would save the whole new package a
	 * second time, into nothing.
	 */
	public static byte[] bytes(Content content) {
		XSSFWorkbook wb = create();
		try {
			var core = wb.getProperties().getCoreProperties();
			core.setCreated(Optional.of(FIXED));
			core.setModified(Optional.of(FIXED));
			core.setCreator("Doudi");
			content.fill(wb);
			return StableZip.of(wb::write);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			wb.getPackage().revert();
		}
	}

	/** The shared-strings table with plain strings looked up by their text. */
	private static final class PlainTextKeys extends SharedStringsTable {

		/** The key of a plain string: its text after a character no entry's XML text starts with. */
		@Override
		protected String xmlText(CTRst entry) {
			if (entry.isSetT() && entry.sizeOfRArray() == 0 && entry.sizeOfRPhArray() == 0 && !entry.isSetPhoneticPr()) {
				return "\u0000" + entry.getT();
			}
			return super.xmlText(entry);
		}
	}
}
