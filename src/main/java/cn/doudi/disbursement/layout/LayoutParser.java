package cn.doudi.disbursement.layout;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CharacterCodingException;
import java.nio.CharBuffer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one layout file (YAML, {@code jobs/banks/README.md}) into a {@link BankLayout}, checking every
 * key: an unknown key, a missing or wrong value is a {@link LayoutException} naming the file and the field.
 */
public final class LayoutParser {

	private static final Set<String> KEYS = Set.of("name", "file-name", "encoding", "line-end", "format", "separator",
			"amount", "unmappable", "header", "detail", "trailer", "return");
	private static final Set<String> FIELD_KEYS = Set.of("value", "text", "width", "align", "pad", "pattern", "overflow");
	private static final Set<String> RETURN_KEYS = Set.of("success", "failure", "status-width");
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
	private static final Set<String> PLACEHOLDERS = Set.of("bank", "county", "yyyymm", "month");

	private final String source;

	private LayoutParser(String source) {
		this.source = source;
	}

	/** Parses {@code yaml}; {@code source} names the file in error messages. */
	public static BankLayout parse(String source, String yaml) {
		return new LayoutParser(source).parse(yaml);
	}

	private BankLayout parse(String yaml) {
		Object doc;
		try {
			doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
		}
		catch (YAMLException e) {
			throw new LayoutException("银行格式文件 " + source + " 不是有效的 YAML：" + e.getMessage().replace('\n', ' '), e);
		}
		Map<?, ?> root = map(doc, "(文件)");
		for (Object k : root.keySet()) {
			if (!KEYS.contains(String.valueOf(k))) {
				throw error(String.valueOf(k), "未知的键（可用：" + String.join(", ", sorted(KEYS)) + "）");
			}
		}
		String name = root.containsKey("name") ? string(root.get("name"), "name") : source;
		String fileName = fileName(string(required(root, "file-name"), "file-name"));
		Charset encoding = charset(string(required(root, "encoding"), "encoding"));
		String lineEnd = choice(root.containsKey("line-end") ? root.get("line-end") : "LF", "line-end", BankLayout.LINE_ENDS.keySet());
		boolean fixed = "fixed".equals(choice(required(root, "format"), "format", Set.of("delimited", "fixed")));
		String separator = null;
		if (!fixed) {
			separator = string(required(root, "separator"), "separator");
			if (separator.isEmpty() || separator.contains("\r") || separator.contains("\n")) {
				throw error("separator", "不能为空或含换行");
			}
		}
		else if (root.containsKey("separator")) {
			throw error("separator", "定长格式（format: fixed）不用分隔符");
		}
		boolean fen = "fen".equals(choice(root.containsKey("amount") ? root.get("amount") : "yuan", "amount", Set.of("yuan", "fen")));
		String unmappable = root.containsKey("unmappable") ? string(root.get("unmappable"), "unmappable")
				: BankLayout.DEFAULT_UNMAPPABLE;
		String problem = unprintable(unmappable, encoding, separator);
		if (unmappable.isEmpty() || problem != null) {
			throw error("unmappable", "应为 " + encoding.name() + " 能表示的可见文字，不含分隔符（如 \"?\"）"
					+ (problem == null ? "" : "：" + problem));
		}
		List<FieldSpec> header = fields(root.get("header"), "header", false, fixed, encoding, separator);
		List<FieldSpec> detail = fields(required(root, "detail"), "detail", true, fixed, encoding, separator);
		List<FieldSpec> trailer = fields(root.get("trailer"), "trailer", false, fixed, encoding, separator);
		if (detail.isEmpty()) {
			throw error("detail", "至少要有一个字段");
		}
		if (!has(header, Value.BATCH_NO) && !has(trailer, Value.BATCH_NO)) {
			throw error("header", "header 或 trailer 须含 batch_no（回盘按批次号对账）");
		}
		for (Value v : List.of(Value.SEQ, Value.ACCOUNT, Value.AMOUNT)) {
			if (!has(detail, v)) {
				throw error("detail", "须含 " + v.key() + "（回盘按序号、账号、金额对账）");
			}
		}
		Map<?, ?> ret = root.containsKey("return") ? map(root.get("return"), "return") : Map.of();
		for (Object k : ret.keySet()) {
			if (!RETURN_KEYS.contains(String.valueOf(k))) {
				throw error("return." + k, "未知的键（可用：" + String.join(", ", sorted(RETURN_KEYS)) + "）");
			}
		}
		String success = string(ret.containsKey("success") ? ret.get("success") : "成功", "return.success");
		String failure = string(ret.containsKey("failure") ? ret.get("failure") : "失败", "return.failure");
		int statusWidth = 0;
		if (fixed) {
			statusWidth = positive(required(ret, "status-width", "return.status-width"), "return.status-width");
		}
		return new BankLayout(source, name, fileName, encoding, BankLayout.LINE_ENDS.get(lineEnd), fixed, separator, fen,
				unmappable, header, detail, trailer, success, failure, statusWidth);
	}

	private String fileName(String pattern) {
		Matcher m = PLACEHOLDER.matcher(pattern);
		while (m.find()) {
			if (!PLACEHOLDERS.contains(m.group(1))) {
				throw error("file-name", "未知的占位符 {" + m.group(1) + "}（可用：{bank} {county} {yyyymm} {month}）");
			}
		}
		if (!pattern.contains("{county}")) {
			throw error("file-name", "须含 {county}（每个区县一个文件）");
		}
		if (pattern.contains("/") || pattern.contains("\\") || pattern.startsWith(".") || pattern.startsWith("DRAFT-")
				|| pattern.equals("MANIFEST.sha256")) {
			throw error("file-name", "须是 bank/ 目录下的普通文件名，不以 . 或 DRAFT- 开头：" + pattern);
		}
		return pattern;
	}

	private Charset charset(String name) {
		try {
			return Charset.forName(name);
		}
		catch (RuntimeException e) {
			throw error("encoding", "不支持的编码 " + name);
		}
	}

	private List<FieldSpec> fields(Object node, String section, boolean detail, boolean fixed, Charset encoding,
			String separator) {
		if (node == null) {
			return List.of();
		}
		if (!(node instanceof List<?> list)) {
			throw error(section, "应为字段列表");
		}
		List<FieldSpec> out = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			out.add(field(list.get(i), section + "[" + i + "]", detail, fixed, encoding, separator));
		}
		return List.copyOf(out);
	}

	private FieldSpec field(Object node, String path, boolean detail, boolean fixed, Charset encoding, String separator) {
		Map<?, ?> f = node instanceof String s ? Map.of("value", s) : map(node, path);
		for (Object k : f.keySet()) {
			if (!FIELD_KEYS.contains(String.valueOf(k))) {
				throw error(path + "." + k, "未知的键（可用：" + String.join(", ", sorted(FIELD_KEYS)) + "）");
			}
		}
		if (f.containsKey("value") == f.containsKey("text")) {
			throw error(path, "须有 value 或 text 之一");
		}
		Value value = Value.TEXT;
		String text = null;
		if (f.containsKey("text")) {
			text = string(f.get("text"), path + ".text");
			String problem = unprintable(text, encoding, separator);
			if (problem != null) {
				throw error(path + ".text", problem);
			}
		}
		else {
			String key = string(f.get("value"), path + ".value");
			value = Value.of(key).orElseThrow(() -> error(path + ".value", "未知的值 " + key));
			if (detail ? !value.inDetail() : !value.inHeader()) {
				throw error(path + ".value", key + " 不能用于" + (detail ? " detail" : " header/trailer"));
			}
		}
		DateTimeFormatter pattern = null;
		if (f.containsKey("pattern")) {
			if (!value.dated()) {
				throw error(path + ".pattern", "只用于 pay_date、month、pay_month");
			}
			String p = string(f.get("pattern"), path + ".pattern");
			try {
				pattern = DateTimeFormatter.ofPattern(p);
			}
			catch (IllegalArgumentException e) {
				throw error(path + ".pattern", "不是有效的日期格式 " + p);
			}
		}
		boolean truncate = "truncate".equals(choice(f.containsKey("overflow") ? f.get("overflow")
				: value.freeText() ? "truncate" : "error", path + ".overflow", Set.of("error", "truncate")));
		if (!fixed) {
			for (String k : List.of("width", "align", "pad", "overflow")) {
				if (f.containsKey(k)) {
					throw error(path + "." + k, "只用于定长格式（format: fixed）");
				}
			}
			return new FieldSpec(value, text, 0, false, ' ', pattern, false);
		}
		if (value.freeText() && !truncate) {
			throw error(path + ".overflow", value.key() + " 来自花名册，过长时只能截断（truncate）：否则一个人的名字就会挡住全县的代发文件");
		}
		int width;
		if (f.containsKey("width")) {
			width = positive(f.get("width"), path + ".width");
		}
		else if (value == Value.TEXT) {
			width = text.getBytes(encoding).length;
		}
		else {
			throw error(path + ".width", "定长格式的字段须有 width（字节数）");
		}
		boolean right = "right".equals(choice(f.containsKey("align") ? f.get("align") : "left", path + ".align",
				Set.of("left", "right")));
		String pad = f.containsKey("pad") ? string(f.get("pad"), path + ".pad") : " ";
		if (pad.length() != 1 || !singleByte(pad, encoding)) {
			throw error(path + ".pad", "须是一个单字节字符，如 \" \" 或 \"0\"");
		}
		return new FieldSpec(value, text, width, right, pad.charAt(0), pattern, truncate);
	}

	/** Why a fixed text cannot go into a file of that encoding (null when it can). */
	private static String unprintable(String text, Charset encoding, String separator) {
		int invisible = cn.doudi.identity.PersonName.firstInvisible(text);
		if (invisible >= 0) {
			return "含控制或不可见字符 " + cn.doudi.identity.PersonName.codePoint(invisible);
		}
		if (separator != null && text.contains(separator)) {
			return "含分隔符 " + separator;
		}
		if (!encoding.newEncoder().canEncode(text)) {
			return "含 " + encoding.name() + " 无法表示的字符";
		}
		return null;
	}

	private static boolean singleByte(String s, Charset encoding) {
		try {
			CharsetEncoder enc = encoding.newEncoder();
			return enc.encode(CharBuffer.wrap(s)).remaining() == 1;
		}
		catch (CharacterCodingException e) {
			return false;
		}
	}

	private static boolean has(List<FieldSpec> fields, Value v) {
		return fields.stream().anyMatch(f -> f.value() == v);
	}

	private Object required(Map<?, ?> map, String key) {
		return required(map, key, key);
	}

	private Object required(Map<?, ?> map, String key, String path) {
		Object v = map.get(key);
		if (v == null) {
			throw error(path, "缺少此项");
		}
		return v;
	}

	private Map<?, ?> map(Object node, String path) {
		if (!(node instanceof Map<?, ?> m)) {
			throw error(path, "应为键值映射");
		}
		return m;
	}

	private String string(Object node, String path) {
		if (node instanceof String s) {
			return s;
		}
		if (node instanceof Number || node instanceof Boolean) {
			return String.valueOf(node);
		}
		throw error(path, "应为文字");
	}

	private int positive(Object node, String path) {
		if (node instanceof Integer i && i > 0) {
			return i;
		}
		throw error(path, "应为正整数（实际：" + node + "）");
	}

	private String choice(Object node, String path, Set<String> allowed) {
		String s = string(node, path);
		if (!allowed.contains(s)) {
			throw error(path, "应为 " + String.join(" 或 ", sorted(allowed)) + "（实际：" + s + "）");
		}
		return s;
	}

	private static List<String> sorted(Set<String> s) {
		return s.stream().sorted().toList();
	}

	private LayoutException error(String field, String problem) {
		return new LayoutException("银行格式文件 " + source + " 有误：" + field + " " + problem);
	}
}
