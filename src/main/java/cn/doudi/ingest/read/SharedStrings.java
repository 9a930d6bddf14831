package cn.doudi.ingest.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The shared strings of an XLSX ({@code sharedStrings.xml}), read once before the sheet and held compactly
 * (the characters in chunks of one array each, a start and a length per string: about two bytes per
 * character instead of a String object per text). Bounded by {@link ReadLimits}: the number of strings,
 * their characters together, each one's length. {@link #get} refuses an index the table does not have
 * (a hostile cell may name −1 or 99,999,999).
 */
final class SharedStrings {

	private final int chunkSize;
	private final List<char[]> chunks = new ArrayList<>();
	private long[] starts = new long[1024];
	private int[] lengths = new int[1024];
	private int count;
	private int used; // characters used in the last chunk
	private long total;

	private SharedStrings(int chunkSize) {
		this.chunkSize = chunkSize;
	}

	static SharedStrings empty() {
		return new SharedStrings(1);
	}

	int size() {
		return count;
	}

	/** The string at {@code index}, or null when the table has none there. */
	String get(int index) {
		if (index < 0 || index >= count) {
			return null;
		}
		long start = starts[index];
		return new String(chunks.get((int) (start / chunkSize)), (int) (start % chunkSize), lengths[index]);
	}

	/**
	 * Reads {@code <sst>}: each {@code <si>} is the text of its {@code <t>} elements (plain or in rich-text
	 * runs), without phonetic guides ({@code <rPh>}).
	 */
	static SharedStrings read(XMLStreamReader r, ReadLimits limits, String fileName) throws XMLStreamException {
		SharedStrings s = new SharedStrings(Math.max(1 << 20, limits.maxCellChars() + 1));
		StringBuilder text = new StringBuilder();
		int depthInPhonetic = 0;
		boolean inSi = false;
		boolean inT = false;
		while (r.hasNext()) {
			int event = r.next();
			switch (event) {
				case XMLStreamConstants.START_ELEMENT -> {
					String name = r.getLocalName();
					if (name.equals("si")) {
						inSi = true;
						text.setLength(0);
					}
					else if (name.equals("rPh")) {
						depthInPhonetic++;
					}
					else if (name.equals("t") && inSi && depthInPhonetic == 0) {
						inT = true;
					}
				}
				case XMLStreamConstants.END_ELEMENT -> {
					String name = r.getLocalName();
					if (name.equals("si")) {
						inSi = false;
						s.add(text, limits, fileName);
					}
					else if (name.equals("rPh")) {
						depthInPhonetic--;
					}
					else if (name.equals("t")) {
						inT = false;
					}
				}
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
					if (inT) {
						if (text.length() + r.getTextLength() > limits.maxCellChars()) {
							throw new FileRejectedException(fileName, "共享字符串第 " + (s.count + 1) + " 项超过 "
									+ limits.maxCellChars() + " 个字符（单元格内容的上限），已拒绝");
						}
						text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
					}
				}
				default -> {
				}
			}
		}
		return s;
	}

	private void add(CharSequence text, ReadLimits limits, String fileName) {
		if (count >= limits.maxSharedStrings()) {
			throw new FileRejectedException(fileName,
					"共享字符串超过 " + limits.maxSharedStrings() + " 项（上限），已拒绝；可另存为CSV后上传");
		}
		int n = text.length();
		total += n;
		if (total > limits.maxSharedStringChars()) {
			throw new FileRejectedException(fileName,
					"共享字符串合计超过 " + limits.maxSharedStringChars() + " 个字符（上限），已拒绝；可另存为CSV后上传");
		}
		if (chunks.isEmpty() || used + n > chunkSize) {
			chunks.add(new char[chunkSize]);
			used = 0;
		}
		char[] chunk = chunks.get(chunks.size() - 1);
		for (int i = 0; i < n; i++) {
			chunk[used + i] = text.charAt(i);
		}
		if (count == starts.length) {
			starts = Arrays.copyOf(starts, count * 2);
			lengths = Arrays.copyOf(lengths, count * 2);
		}
		starts[count] = (long) (chunks.size() - 1) * chunkSize + used;
		lengths[count] = n;
		count++;
		used += n;
	}
}
