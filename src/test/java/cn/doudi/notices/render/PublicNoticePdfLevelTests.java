package cn.doudi.notices.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notices' PDFs deflate their streams at {@link Flate#LEVEL}, not PDFBox's default: the same notice written at
 * both levels is another file with the same content — the same objects, each stream's data the same once inflated,
 * the same dictionaries but for {@code /Length}, the same text page by page — and the page contents and font streams
 * are zlib's output at {@link Flate#LEVEL} (the object and cross-reference streams PDFBox's writer deflates stay at
 * its level).
 */
class PublicNoticePdfLevelTests {

	static final CjkFont font = TestFonts.cjk();

	@TempDir
	Path out;

	@Test
	void aNoticeAtTheNoticesLevelHasTheContentItHasAtPdfboxsLevel() throws IOException {
		assertThat(Flate.LEVEL).isNotEqualTo(Filter.getCompressionLevel());
		PublicNotice notice = notice();
		Path fast = out.resolve("fast.pdf");
		Path pdfbox = out.resolve("pdfbox.pdf");
		new PublicNoticePdf(font).write(notice, fast, LocalDate.of(2026, 11, 10), "k");
		new PublicNoticePdf(font, Filter.getCompressionLevel()).write(notice, pdfbox, LocalDate.of(2026, 11, 10), "k");

		assertThat(Files.readAllBytes(fast)).isNotEqualTo(Files.readAllBytes(pdfbox));
		try (PDDocument a = Loader.loadPDF(fast.toFile()); PDDocument b = Loader.loadPDF(pdfbox.toFile())) {
			assertThat(a.getNumberOfPages()).isGreaterThan(2).isEqualTo(b.getNumberOfPages());
			for (int p = 1; p <= a.getNumberOfPages(); p++) {
				assertThat(text(a, p)).as("page %d", p).isEqualTo(text(b, p));
			}
			assertThat(text(a, 1)).contains("欧阳䶮", "王𠀾华");
			assertThat(text(a, a.getNumberOfPages())).contains("合计（共90条）", "124,200.00", "监督电话");
			List<COSObjectKey> keys = keys(a);
			assertThat(keys).isEqualTo(keys(b));
			int ours = 0;
			for (COSObjectKey key : keys) {
				COSBase x = a.getDocument().getObjectFromPool(key).getObject();
				COSBase y = b.getDocument().getObjectFromPool(key).getObject();
				if (x instanceof COSStream s && COSName.XREF.equals(s.getCOSName(COSName.TYPE))) {
					continue; // the objects' offsets: other files, other offsets
				}
				assertThat(describe(x)).as("object %s", key).isEqualTo(describe(y));
				if (x instanceof COSStream s && COSName.OBJ_STM.equals(s.getCOSName(COSName.TYPE))) {
					assertThat(inflated(s)).as("object stream %s", key).isEqualTo(inflated((COSStream) y));
				}
				else if (x instanceof COSStream s && COSName.FLATE_DECODE.equals(s.getDictionaryObject(COSName.FILTER))) {
					byte[] data = inflated(s);
					assertThat(data).as("object %s inflated", key).isEqualTo(inflated((COSStream) y));
					byte[] raw;
					try (InputStream in = s.createRawInputStream()) {
						raw = in.readAllBytes();
					}
					assertThat(raw).as("object %s deflated at %d", key, Flate.LEVEL).isEqualTo(deflate(data, Flate.LEVEL));
					ours++;
				}
			}
			// the pages' contents (a stream each, one more for the page numbers) and the two fonts' four streams each
			// (program, ToUnicode, CIDToGIDMap, CIDSet)
			assertThat(ours).isEqualTo(2 * a.getNumberOfPages() + 2 * 4);
		}
	}

	private static PublicNotice notice() {
		List<NoticeRow> rows = new ArrayList<>();
		for (int i = 0; i < 90; i++) {
			rows.add(new NoticeRow(i == 3 ? "欧阳䶮" : i == 4 ? "王𠀾华" : "居民" + i, "410102********" + (1000 + i),
					"城市最低生活保障", 1 + i % 4, new BigDecimal("1380.00"), i % 5 == 0 ? "渐退期" : ""));
		}
		return new PublicNotice("建新社区2026年11月城乡低保等救助对象公示", "根据有关规定，现将本月救助对象公示如下。", "林山寨街道 建新社区",
				rows, new BigDecimal("124200.00"), List.of("公示期：2026年11月10日至2026年11月16日", "监督电话：0371-12345678"),
				"中原区民政局", "2026年11月10日");
	}

	private static String text(PDDocument d, int page) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(d);
	}

	/** The objects of the file, in number order, object streams and their contents alike. */
	private static List<COSObjectKey> keys(PDDocument d) {
		return d.getDocument().getXrefTable().keySet().stream().sorted().toList();
	}

	/** An object without its stream's data and {@code /Length}: the dictionaries' entries, references as such. */
	private static String describe(COSBase o) {
		if (o instanceof COSDictionary dict) {
			StringBuilder sb = new StringBuilder(o instanceof COSStream ? "stream<<" : "<<");
			for (var e : dict.entrySet()) {
				if (!e.getKey().equals(COSName.LENGTH)) {
					sb.append(e.getKey().getName()).append('=').append(describe(e.getValue())).append(';');
				}
			}
			return sb.append(">>").toString();
		}
		if (o instanceof COSObject ref) {
			return "ref " + ref.getKey();
		}
		if (o instanceof org.apache.pdfbox.cos.COSArray array) {
			StringBuilder sb = new StringBuilder("[");
			for (COSBase item : array.toList()) {
				sb.append(describe(item)).append(',');
			}
			return sb.append(']').toString();
		}
		return String.valueOf(o);
	}

	private static byte[] inflated(COSStream s) throws IOException {
		try (InputStream in = s.createInputStream()) {
			return in.readAllBytes();
		}
	}

	private static byte[] deflate(byte[] data, int level) {
		Deflater d = new Deflater(level);
		try {
			d.setInput(data);
			d.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buf = new byte[8192];
			while (!d.finished()) {
				out.write(buf, 0, d.deflate(buf));
			}
			return out.toByteArray();
		}
		finally {
			d.end();
		}
	}
}
