package cn.doudi.ingest.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;

/**
 * The parts of an XLSX workbook (an OPC zip) that the importer reads — the workbook, its first sheet and
 * the shared strings — each as a stream that counts what it inflates: a part may not inflate to more than
 * {@link ReadLimits#maxCompressionRatio()} times its compressed size, and all parts together not to more
 * than {@link ReadLimits#maxDecompressedSize()}, whatever sizes the zip declares. The XML parser (Woodstox)
 * reads no DTD and no external entity (no XXE), and has its own caps on text, attribute and depth, so that
 * no construct of a hostile part is held whole in memory before the importer's own limits see it.
 */
final class XlsxPackage implements AutoCloseable {

	private static final String OFFICE_DOCUMENT = "/officeDocument";
	private static final String SHARED_STRINGS = "/sharedStrings";

	private final String fileName;
	private final ReadLimits limits;
	private final ZipFile zip;
	private final XMLInputFactory xml;
	private long inflated;
	private volatile Counted sheetStream;
	private long sheetSize;

	/** The first sheet's part name, the shared strings' (null when none), and the 1904 date system. */
	final String sheetPart;
	final String sharedStringsPart;
	final boolean date1904;

	XlsxPackage(Path file, ReadLimits limits) throws IOException {
		this.fileName = file.getFileName().toString();
		this.limits = limits;
		try {
			this.zip = new ZipFile(file.toFile());
		}
		catch (ZipException e) {
			throw rejected("不是有效的xlsx工作簿（压缩包已损坏，可能未完整上传）");
		}
		this.xml = factory(limits);
		try {
			if (zip.size() > limits.maxZipEntries()) {
				throw rejected("xlsx压缩包中的文件过多（" + zip.size() + " 个，上限 " + limits.maxZipEntries() + "）");
			}
			String workbook = relationship("_rels/.rels", "", OFFICE_DOCUMENT).orElse("xl/workbook.xml");
			String folder = workbook.contains("/") ? workbook.substring(0, workbook.lastIndexOf('/') + 1) : "";
			Workbook wb = workbook(workbook);
			String rels = folder + "_rels/" + workbook.substring(folder.length()) + ".rels";
			Map<String, String> targets = new HashMap<>();
			String shared = null;
			XMLStreamReader r = parser(rels);
			try {
				while (r.hasNext()) {
					if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")) {
						String target = resolve(folder, r.getAttributeValue(null, "Target"));
						String type = r.getAttributeValue(null, "Type");
						targets.put(r.getAttributeValue(null, "Id"), target);
						if (type != null && type.endsWith(SHARED_STRINGS)) {
							shared = target;
						}
					}
				}
			}
			finally {
				r.close();
			}
			String sheet = wb.firstSheetId == null ? null : targets.get(wb.firstSheetId);
			if (sheet == null || zip.getEntry(sheet) == null) {
				throw rejected("xlsx工作簿中找不到第一个工作表（文件已损坏，或不是Excel保存的工作簿）");
			}
			this.sheetPart = sheet;
			this.sharedStringsPart = shared != null && zip.getEntry(shared) != null ? shared : null;
			this.date1904 = wb.date1904;
		}
		catch (XMLStreamException e) {
			close();
			throw rejected("xlsx工作簿的结构文件已损坏，无法读取");
		}
		catch (IOException | RuntimeException e) {
			close();
			throw e;
		}
	}

	private record Workbook(String firstSheetId, boolean date1904) {
	}

	private Workbook workbook(String part) throws IOException, XMLStreamException {
		XMLStreamReader r = parser(part);
		try {
			String first = null;
			boolean date1904 = false;
			int sheets = 0;
			while (r.hasNext()) {
				if (r.next() != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				String name = r.getLocalName();
				if (name.equals("workbookPr")) {
					String v = r.getAttributeValue(null, "date1904");
					date1904 = "1".equals(v) || "true".equalsIgnoreCase(v);
				}
				else if (name.equals("sheet")) {
					if (++sheets > limits.maxSheets()) {
						throw rejected("xlsx工作簿中的工作表过多（超过 " + limits.maxSheets() + " 个）");
					}
					if (first == null) {
						first = relationshipId(r);
					}
				}
			}
			return new Workbook(first, date1904);
		}
		finally {
			r.close();
		}
	}

	/** The sheet's r:id (namespace-aware: the attribute "id" of the relationships namespace). */
	private static String relationshipId(XMLStreamReader r) {
		for (int i = 0; i < r.getAttributeCount(); i++) {
			if (r.getAttributeLocalName(i).equals("id") && r.getAttributeNamespace(i) != null) {
				return r.getAttributeValue(i);
			}
		}
		return null;
	}

	private java.util.Optional<String> relationship(String rels, String folder, String typeSuffix)
			throws IOException, XMLStreamException {
		if (zip.getEntry(rels) == null) {
			return java.util.Optional.empty();
		}
		XMLStreamReader r = parser(rels);
		try {
			while (r.hasNext()) {
				if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")) {
					String type = r.getAttributeValue(null, "Type");
					if (type != null && type.endsWith(typeSuffix)) {
						return java.util.Optional.of(resolve(folder, r.getAttributeValue(null, "Target")));
					}
				}
			}
			return java.util.Optional.empty();
		}
		finally {
			r.close();
		}
	}

	/** A relationship's target as a zip entry name: absolute ("/xl/…") or relative to the folder ("../"). */
	private static String resolve(String folder, String target) {
		if (target == null) {
			return "";
		}
		String path = target.startsWith("/") ? target.substring(1) : folder + target;
		String[] parts = path.split("/");
		java.util.ArrayDeque<String> out = new java.util.ArrayDeque<>();
		for (String p : parts) {
			if (p.equals("..")) {
				out.pollLast();
			}
			else if (!p.isEmpty() && !p.equals(".")) {
				out.addLast(p);
			}
		}
		return String.join("/", out);
	}

	/** A parser over a part, its inflation counted against the limits. */
	XMLStreamReader parser(String part) throws IOException, XMLStreamException {
		return xml.createXMLStreamReader(open(part));
	}

	private InputStream open(String part) throws IOException {
		ZipEntry entry = zip.getEntry(part);
		if (entry == null) {
			// some writers differ in case
			entry = zip.stream().filter(e -> e.getName().equalsIgnoreCase(part)).findFirst().orElse(null);
		}
		if (entry == null) {
			throw rejected("xlsx工作簿中缺少 " + part + "（文件已损坏）");
		}
		long compressed = Math.max(entry.getCompressedSize(), 1);
		long allowed = entry.getMethod() == ZipEntry.STORED ? Long.MAX_VALUE : compressed * limits.maxCompressionRatio();
		Counted counted = new Counted(zip.getInputStream(entry), allowed);
		if (entry.getName().equals(sheetPart)) {
			sheetSize = entry.getSize();
			sheetStream = counted;
		}
		return counted;
	}

	/** How much of the first sheet's XML has been inflated, 0 to 1 (0 before it is opened or when unknown). */
	double sheetFraction() {
		Counted s = sheetStream;
		return s == null || sheetSize <= 0 ? 0 : Math.min(1, (double) s.read / sheetSize);
	}

	/** Counts what a part inflates; refuses past its ratio or past the workbook's total. */
	private final class Counted extends FilterInputStream {

		private final long allowed;
		private volatile long read;

		Counted(InputStream in, long allowed) {
			super(in);
			this.allowed = allowed;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			read += n;
			inflated += n;
			if (read > allowed) {
				throw rejected("xlsx文件解压后的大小是压缩大小的 " + limits.maxCompressionRatio()
						+ " 倍以上（疑似压缩炸弹，正常的工作簿不会如此），已拒绝");
			}
			if (inflated > limits.maxDecompressedSize().toBytes()) {
				throw rejected("xlsx文件解压后超过 " + human(limits.maxDecompressedSize().toBytes()) + "（上限），已拒绝");
			}
		}
	}

	static String human(long bytes) {
		if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
			return (bytes >> 30) + " GB";
		}
		return (bytes >> 20) + " MB";
	}

	private FileRejectedException rejected(String reason) {
		return new FileRejectedException(fileName, reason);
	}

	/** Woodstox: no DTD, no external entities, caps above the importer's own limits. */
	private static XMLInputFactory factory(ReadLimits limits) {
		XMLInputFactory f = new WstxInputFactory();
		f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
		f.setProperty(XMLInputFactory.IS_COALESCING, false);
		f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		f.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, Math.max(limits.maxCellChars() * 2 + 1024, 1 << 16));
		f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, 1 << 16);
		f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 256);
		f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, 64);
		return f;
	}

	/** Excel's column letters of a 0-based index (0 → A). */
	static String columnLetters(int index) {
		StringBuilder s = new StringBuilder();
		for (int i = index + 1; i > 0; i = (i - 1) / 26) {
			s.append((char) ('A' + (i - 1) % 26));
		}
		return s.reverse().toString();
	}

	@Override
	public void close() throws IOException {
		zip.close();
	}
}
