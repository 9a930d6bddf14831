package cn.doudi.notices.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Saves a PDF byte-stably: creation and modification dates are the notice's own date (never the clock),
 * the trailer {@code /ID} is a digest of a key naming the document (PDFBox would hash the current time),
 * and the font subset's tag is derived from the glyphs used (PDFBox's own rule); the file is written to
 * a temporary sibling and moved into place.
 */
final class StablePdf {

	private static final TimeZone CHINA = TimeZone.getTimeZone("GMT+08:00");

	private StablePdf() {
	}

	static void save(PDDocument document, Path target, String title, LocalDate date, String key) {
		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle(title);
		info.setCreator("Doudi");
		info.setProducer("Doudi");
		Calendar at = new GregorianCalendar(CHINA);
		at.clear();
		at.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
		info.setCreationDate(at);
		info.setModificationDate(at);
		byte[] id = md5(key);
		COSArray ids = new COSArray();
		ids.add(new COSString(id));
		ids.add(new COSString(id));
		document.getDocument().getTrailer().setItem(COSName.ID, ids);
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
			document.save(bytes);
			Path temp = target.resolveSibling(target.getFileName() + ".tmp");
			Files.write(temp, bytes.toByteArray());
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static byte[] md5(String key) {
		try {
			return MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
