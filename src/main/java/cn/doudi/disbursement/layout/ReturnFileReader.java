package cn.doudi.disbursement.layout;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a bank return file in a layout (OUTPUTS.md): the header (and trailer) records as written, and each
 * detail record repeated with the bank's status and reason appended — after the separator
 * ({@code D|…|摘要|成功|}, {@code D|…|摘要|失败|<reason>}) or, in fixed-width layouts, as a
 * {@code return.status-width}-byte status followed by the reason up to the end of the line.
 * <p>
 * The bank repeats each line as it was sent, and matching relies on the batch number, seq, account, amount
 * and status only (never a name): bytes the layout's encoding cannot decode are tolerated in free text
 * (户名, 姓名, 摘要, the failure reason), where a bank may have written a rare character its own way, and read
 * as U+FFFD; anywhere else they make the row unreadable.
 */
public final class ReturnFileReader {

	/** The file's records: header, details, trailer (null when the layout has none). */
	public record ReturnFile(ReturnRecord header, List<ReturnRecord> details, ReturnRecord trailer) {
	}

	private ReturnFileReader() {
	}

	private static final char UNREADABLE = '\uFFFD';

	public static ReturnFile read(BankLayout layout, byte[] content) {
		List<byte[]> lines = lines(content);
		int first = 0;
		int end = lines.size();
		ReturnRecord header = null;
		ReturnRecord trailer = null;
		if (!layout.header().isEmpty()) {
			header = lines.isEmpty() ? new ReturnRecord(1, Map.of(), null, null, "缺少文件头")
					: record(layout, layout.header(), lines.get(0), 1, false);
			first = 1;
		}
		if (!layout.trailer().isEmpty() && end > first) {
			trailer = record(layout, layout.trailer(), lines.get(end - 1), end, false);
			end--;
		}
		List<ReturnRecord> details = new ArrayList<>();
		for (int i = first; i < end; i++) {
			details.add(record(layout, layout.detail(), lines.get(i), i + 1, true));
		}
		return new ReturnFile(header, details, trailer);
	}

	/** The lines without their line ends (LF or CRLF); trailing empty lines dropped. */
	private static List<byte[]> lines(byte[] content) {
		List<byte[]> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i <= content.length; i++) {
			if (i == content.length || content[i] == '\n') {
				int stop = i > start && content[i - 1] == '\r' ? i - 1 : i;
				lines.add(Arrays.copyOfRange(content, start, stop));
				start = i + 1;
			}
		}
		while (!lines.isEmpty() && lines.get(lines.size() - 1).length == 0) {
			lines.remove(lines.size() - 1);
		}
		return lines;
	}

	private static ReturnRecord record(BankLayout layout, List<FieldSpec> fields, byte[] line, int row, boolean detail) {
		ReturnRecord r = layout.fixed() ? fixed(layout, fields, line, row, detail) : delimited(layout, fields, line, row, detail);
		boolean garbled = r.values().entrySet().stream()
			.anyMatch(e -> !e.getKey().freeText() && e.getValue().indexOf(UNREADABLE) >= 0)
				|| r.status() != null && r.status().indexOf(UNREADABLE) >= 0;
		if (garbled) {
			return new ReturnRecord(row, Map.of(), null, null, "不是 " + layout.encoding().name() + " 编码的文字");
		}
		return r;
	}

	private static ReturnRecord delimited(BankLayout layout, List<FieldSpec> fields, byte[] line, int row,
			boolean detail) {
		String[] parts = decode(layout, line).split(Pattern.quote(layout.separator()), -1);
		int n = fields.size();
		boolean fits = detail ? parts.length == n + 1 || parts.length == n + 2 : parts.length == n;
		if (!fits) {
			return new ReturnRecord(row, Map.of(), null, null, "有 " + parts.length + " 个字段，应为 "
					+ (detail ? (n + 2) + "（代发文件的 " + n + " 个字段加上 状态、原因）" : n));
		}
		Map<Value, String> values = new EnumMap<>(Value.class);
		for (int i = 0; i < n; i++) {
			String problem = put(values, fields.get(i), parts[i]);
			if (problem != null) {
				return new ReturnRecord(row, values, null, null, problem);
			}
		}
		return detail ? new ReturnRecord(row, values, parts[n].strip(), parts.length > n + 1 ? parts[n + 1].strip() : "", null)
				: new ReturnRecord(row, values, null, null, null);
	}

	private static ReturnRecord fixed(BankLayout layout, List<FieldSpec> fields, byte[] line, int row, boolean detail) {
		int width = fields.stream().mapToInt(FieldSpec::width).sum();
		int needed = detail ? width + layout.statusWidth() : width;
		if (line.length < needed) {
			return new ReturnRecord(row, Map.of(), null, null, "长 " + line.length + " 字节，至少应为 " + needed);
		}
		Map<Value, String> values = new EnumMap<>(Value.class);
		int at = 0;
		for (FieldSpec f : fields) {
			String raw = decode(layout, Arrays.copyOfRange(line, at, at + f.width()));
			String problem = put(values, f, unpad(raw, f));
			if (problem != null) {
				return new ReturnRecord(row, values, null, null, problem);
			}
			at += f.width();
		}
		if (!detail) {
			return new ReturnRecord(row, values, null, null, null);
		}
		String status = decode(layout, Arrays.copyOfRange(line, at, at + layout.statusWidth())).strip();
		String reason = decode(layout, Arrays.copyOfRange(line, at + layout.statusWidth(), line.length)).strip();
		return new ReturnRecord(row, values, status, reason, null);
	}

	private static String put(Map<Value, String> values, FieldSpec f, String value) {
		if (f.value() == Value.TEXT) {
			return value.equals(f.text()) ? null : f.describe() + " 处是 '" + value + "'";
		}
		values.put(f.value(), value);
		return null;
	}

	private static String unpad(String raw, FieldSpec f) {
		String pad = String.valueOf(f.pad());
		String s = raw;
		if (f.alignRight()) {
			while (s.startsWith(pad) && s.length() > 1) {
				s = s.substring(1);
			}
		}
		else {
			while (s.endsWith(pad) && !s.isEmpty()) {
				s = s.substring(0, s.length() - 1);
			}
		}
		return s.strip();
	}

	/** The text, each byte sequence the encoding cannot decode read as U+FFFD. */
	private static String decode(BankLayout layout, byte[] bytes) {
		try {
			return layout.encoding()
				.newDecoder()
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE)
				.replaceWith(String.valueOf(UNREADABLE))
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw new IllegalStateException(e); // REPLACE never reports
		}
	}
}
