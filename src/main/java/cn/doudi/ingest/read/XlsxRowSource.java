package cn.doudi.ingest.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the first sheet of an XLSX workbook row by row (StAX over the sheet's XML, {@link XlsxPackage}),
 * within {@link ReadLimits}: rows and columns as Excel numbers them and no further than the limits (rows
 * and cells in ascending order, as Excel writes them), each cell's text no longer than the cell limit,
 * shared-string indexes that exist. Number cells keep the number as stored, so that an ID that Excel turned
 * into {@code 4.10203199001011E+17} is recognised rather than guessed; a formula cell is read as its cached
 * result, as text. Any damage or excess refuses the whole file with a message in Chinese naming the row and
 * column — never the parser's own wording.
 */
final class XlsxRowSource implements RowSource {

	private final String fileName;
	private final ReadLimits limits;
	private final XlsxPackage pkg;
	private final SharedStrings shared;
	private final XMLStreamReader sheet;
	private boolean ended;
	private int rowNo;
	private String[] values = new String[32];
	private boolean[] numeric = new boolean[32];
	private final StringBuilder text = new StringBuilder();

	XlsxRowSource(Path file, ReadLimits limits) throws IOException {
		this.fileName = file.getFileName().toString();
		this.limits = limits;
		this.pkg = new XlsxPackage(file, limits);
		try {
			if (pkg.sharedStringsPart != null) {
				XMLStreamReader r = pkg.parser(pkg.sharedStringsPart);
				try {
					this.shared = SharedStrings.read(r, limits, fileName);
				}
				finally {
					r.close();
				}
			}
			else {
				this.shared = SharedStrings.empty();
			}
			this.sheet = pkg.parser(pkg.sheetPart);
			if (!advanceTo("sheetData")) {
				ended = true;
			}
		}
		catch (XMLStreamException e) {
			pkg.close();
			throw damaged(0, e);
		}
		catch (IOException | RuntimeException e) {
			pkg.close();
			throw e;
		}
	}

	private boolean advanceTo(String element) throws XMLStreamException {
		while (sheet.hasNext()) {
			if (sheet.next() == XMLStreamConstants.START_ELEMENT && sheet.getLocalName().equals(element)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public RawRow next() {
		if (ended) {
			return null;
		}
		try {
			while (sheet.hasNext()) {
				int event = sheet.next();
				if (event == XMLStreamConstants.START_ELEMENT && sheet.getLocalName().equals("row")) {
					return row();
				}
				if (event == XMLStreamConstants.END_ELEMENT && sheet.getLocalName().equals("sheetData")) {
					break;
				}
			}
			ended = true;
			return null;
		}
		catch (XMLStreamException e) {
			ended = true;
			throw damaged(rowNo + 1, e);
		}
	}

	private RawRow row() throws XMLStreamException {
		Integer r = positiveInt(sheet.getAttributeValue(null, "r"));
		int number = r != null ? r : rowNo + 1;
		if (number <= rowNo) {
			throw rejected(number, -1, "行号 " + number + " 重复或顺序错乱（文件已损坏或被改动）");
		}
		if (number > limits.maxRows()) {
			throw new FileRejectedException(fileName, number, null,
					"工作表超过 " + limits.maxRows() + " 行（上限），已拒绝");
		}
		rowNo = number;
		int width = 0;
		int column = -1;
		while (sheet.hasNext()) {
			int event = sheet.next();
			if (event == XMLStreamConstants.END_ELEMENT && sheet.getLocalName().equals("row")) {
				break;
			}
			if (event != XMLStreamConstants.START_ELEMENT || !sheet.getLocalName().equals("c")) {
				continue;
			}
			String ref = sheet.getAttributeValue(null, "r");
			int c = ref != null ? column(ref) : column + 1;
			if (c <= column) {
				throw rejected(rowNo, c, "单元格顺序错乱（文件已损坏或被改动）");
			}
			if (c >= limits.maxColumns()) {
				throw rejected(rowNo, c, "超过 " + limits.maxColumns() + " 列（上限），已拒绝");
			}
			column = c;
			if (cell(c)) {
				width = c + 1;
			}
		}
		String[] v = Arrays.copyOf(values, width);
		boolean[] n = Arrays.copyOf(numeric, width);
		Arrays.fill(values, 0, Math.min(values.length, width), null);
		Arrays.fill(numeric, 0, Math.min(numeric.length, width), false);
		return new RawRow(rowNo, v, n);
	}

	/** Reads one {@code <c>}; true when it holds a value (kept at {@code c}). */
	private boolean cell(int c) throws XMLStreamException {
		String type = sheet.getAttributeValue(null, "t");
		String value = null;
		boolean formula = false;
		while (sheet.hasNext()) {
			int event = sheet.next();
			if (event == XMLStreamConstants.END_ELEMENT && sheet.getLocalName().equals("c")) {
				break;
			}
			if (event != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			switch (sheet.getLocalName()) {
				case "v" -> value = text("v", c);
				case "is" -> value = text("is", c);
				case "f" -> {
					formula = true;
					skip("f");
				}
				default -> skip(sheet.getLocalName());
			}
		}
		if (value == null) {
			return false;
		}
		boolean number = false;
		if ("s".equals(type)) {
			Integer index = positiveOrZero(value);
			String s = index == null ? null : shared.get(index);
			if (s == null) {
				throw rejected(rowNo, c, "引用的共享字符串不存在（索引 " + shorten(value) + "，共 " + shared.size()
						+ " 项；文件已损坏或被改动）");
			}
			value = s;
		}
		else if ((type == null || "n".equals(type)) && !formula) {
			if (value.isEmpty()) {
				return false;
			}
			if (!isNumber(value)) {
				throw rejected(rowNo, c, "数字单元格的内容不是数字（文件已损坏或被改动）");
			}
			number = true;
		}
		if (c >= values.length) {
			int size = Math.max(c + 1, values.length * 2);
			values = Arrays.copyOf(values, size);
			numeric = Arrays.copyOf(numeric, size);
		}
		values[c] = value;
		numeric[c] = number;
		return true;
	}

	/** The text inside {@code element} (for {@code <is>}: its {@code <t>} texts, no phonetic guides). */
	private String text(String element, int c) throws XMLStreamException {
		text.setLength(0);
		int depth = 1;
		int phonetic = 0;
		while (sheet.hasNext()) {
			int event = sheet.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
				if (sheet.getLocalName().equals("rPh")) {
					phonetic++;
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				if (--depth == 0) {
					break;
				}
				if (sheet.getLocalName().equals("rPh")) {
					phonetic--;
				}
			}
			else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
					|| event == XMLStreamConstants.SPACE) && phonetic == 0 && (depth == 1 && element.equals("v") || depth > 1)) {
				if (text.length() + sheet.getTextLength() > limits.maxCellChars()) {
					throw rejected(rowNo, c, "单元格内容超过 " + limits.maxCellChars() + " 个字符（Excel单元格的上限），已拒绝");
				}
				text.append(sheet.getTextCharacters(), sheet.getTextStart(), sheet.getTextLength());
			}
		}
		return text.toString();
	}

	private void skip(String element) throws XMLStreamException {
		int depth = 1;
		while (sheet.hasNext() && depth > 0) {
			int event = sheet.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
	}

	/** The 0-based column of a reference such as {@code B12} (letters A–XFD, then digits). */
	private int column(String ref) {
		int col = 0;
		int i = 0;
		while (i < ref.length() && ref.charAt(i) >= 'A' && ref.charAt(i) <= 'Z' && i < 4) {
			col = col * 26 + (ref.charAt(i) - 'A' + 1);
			i++;
		}
		if (i == 0 || i > 3) {
			throw rejected(rowNo, -1, "单元格地址“" + shorten(ref) + "”无效（文件已损坏或被改动）");
		}
		for (int j = i; j < ref.length(); j++) {
			if (ref.charAt(j) < '0' || ref.charAt(j) > '9') {
				throw rejected(rowNo, -1, "单元格地址“" + shorten(ref) + "”无效（文件已损坏或被改动）");
			}
		}
		return col - 1;
	}

	/** A number as Excel stores it: sign, digits, a decimal part, an exponent. */
	static boolean isNumber(String s) {
		int i = 0;
		int n = s.length();
		if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
			i++;
		}
		int digits = 0;
		while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
			i++;
			digits++;
		}
		if (i < n && s.charAt(i) == '.') {
			i++;
			while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
				i++;
				digits++;
			}
		}
		if (digits == 0) {
			return false;
		}
		if (i < n && (s.charAt(i) == 'E' || s.charAt(i) == 'e')) {
			i++;
			if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
				i++;
			}
			int exp = 0;
			while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
				i++;
				exp++;
			}
			if (exp == 0 || exp > 4) {
				return false;
			}
		}
		return i == n;
	}

	/** A whole number ≥ 1 of at most 9 digits, or null. */
	private static Integer positiveInt(String s) {
		Integer v = positiveOrZero(s);
		return v == null || v == 0 ? null : v;
	}

	private static Integer positiveOrZero(String s) {
		if (s == null || s.isEmpty() || s.length() > 9) {
			return null;
		}
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) < '0' || s.charAt(i) > '9') {
				return null;
			}
		}
		return Integer.parseInt(s);
	}

	private static String shorten(String s) {
		return s.length() > 20 ? s.substring(0, 20) + "…" : s;
	}

	private FileRejectedException rejected(int row, int column, String reason) {
		String where = "第" + row + "行" + (column >= 0 ? XlsxPackage.columnLetters(column) + "列" : "");
		return new FileRejectedException(fileName, row, null, where + reason);
	}

	private FileRejectedException damaged(int row, XMLStreamException e) {
		if (e.getCause() instanceof FileRejectedException f) {
			return f;
		}
		String m = e.getMessage() == null ? "" : e.getMessage();
		String where = row > 0 ? "第" + row + "行附近" : "";
		if (m.contains("limit") || m.contains("Limit")) {
			return new FileRejectedException(fileName, row, null, where + "有超长的内容（超过读取上限），已拒绝");
		}
		return new FileRejectedException(fileName, row, null,
				where + "工作表内容已损坏，无法继续读取（文件可能未完整上传，或不是Excel保存的工作簿）");
	}

	@Override
	public boolean date1904() {
		return pkg.date1904;
	}

	@Override
	public double fractionRead() {
		return pkg.sheetFraction();
	}

	@Override
	public String description() {
		return "xlsx，第一个工作表";
	}

	@Override
	public void close() throws IOException {
		try {
			if (sheet != null) {
				sheet.close();
			}
		}
		catch (XMLStreamException e) {
			// closing only
		}
		finally {
			pkg.close();
		}
	}
}
