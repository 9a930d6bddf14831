package cn.doudi.disbursement.layout;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import cn.doudi.disbursement.batch.BankBatch;
import cn.doudi.disbursement.batch.BankLine;
import cn.doudi.identity.IdNumber;
import cn.doudi.kernel.Money;

/**
 * Renders a {@link BankBatch} in a {@link BankLayout}: header, one detail record per line, trailer, each
 * ended by the layout's line end. A value the encoding cannot represent, a delimited value containing the
 * separator, or a fixed-width value longer than its field (unless {@code overflow: truncate}) is refused:
 * nothing is ever silently changed in a payment file.
 */
public final class LayoutWriter {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
	static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

	private LayoutWriter() {
	}

	public static byte[] write(BankLayout layout, BankBatch batch) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (!layout.header().isEmpty()) {
			record(out, layout, layout.header(), batch, null);
		}
		for (BankLine line : batch.lines()) {
			record(out, layout, layout.detail(), batch, line);
		}
		if (!layout.trailer().isEmpty()) {
			record(out, layout, layout.trailer(), batch, null);
		}
		return out.toByteArray();
	}

	private static void record(ByteArrayOutputStream out, BankLayout layout, List<FieldSpec> fields, BankBatch batch,
			BankLine line) {
		String where = line == null ? (fields == layout.header() ? "header" : "trailer")
				: "第 " + line.seq() + " 笔（身份证 " + IdNumber.mask(line.idNumber()) + "）";
		for (int i = 0; i < fields.size(); i++) {
			FieldSpec f = fields.get(i);
			String value = value(f, layout, batch, line);
			if (layout.fixed()) {
				out.writeBytes(fixed(layout, f, value, batch, where));
			}
			else {
				if (value.contains(layout.separator()) || value.contains("\n") || value.contains("\r")) {
					throw refuse(layout, batch, where, f, "含分隔符或换行");
				}
				if (i > 0) {
					out.writeBytes(encode(layout, layout.separator(), batch, where, f));
				}
				out.writeBytes(encode(layout, value, batch, where, f));
			}
		}
		out.writeBytes(encode(layout, layout.lineEnd(), batch, where, null));
	}

	/** The text of a field, before padding. */
	public static String value(FieldSpec f, BankLayout layout, BankBatch batch, BankLine line) {
		return switch (f.value()) {
			case TEXT -> f.text();
			case BATCH_NO -> batch.batchLabel();
			case PAY_DATE -> batch.payDate().format(f.pattern() != null ? f.pattern() : DATE);
			case COUNT -> Integer.toString(batch.count());
			case TOTAL -> amount(layout, batch.total());
			case COUNTY -> batch.county();
			case MONTH -> batch.month().format(f.pattern() != null ? f.pattern() : MONTH);
			case BANK -> batch.bank();
			case SEQ -> Integer.toString(line.seq());
			case ACCOUNT -> line.account();
			case ACCOUNT_NAME -> line.accountName();
			case NAME -> line.name();
			case AMOUNT -> amount(layout, line.amount());
			case ID_NUMBER -> line.idNumber();
			case MEMO -> line.memo();
			case PROGRAM -> line.program();
			case PAY_MONTH -> line.payMonth().format(f.pattern() != null ? f.pattern() : MONTH);
		};
	}

	/** {@code 123.45} (yuan) or {@code 12345} (fen). */
	public static String amount(BankLayout layout, BigDecimal amount) {
		return layout.amountInFen() ? amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).toPlainString()
				: Money.format(amount);
	}

	private static byte[] fixed(BankLayout layout, FieldSpec f, String value, BankBatch batch, String where) {
		byte[] bytes = encode(layout, value, batch, where, f);
		if (bytes.length > f.width()) {
			if (!f.truncate()) {
				throw refuse(layout, batch, where, f, "长 " + bytes.length + " 字节，超过宽度 " + f.width());
			}
			String cut = value;
			while (bytes.length > f.width()) {
				cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
				bytes = encode(layout, cut, batch, where, f);
			}
		}
		byte[] field = new byte[f.width()];
		Arrays.fill(field, (byte) f.pad());
		System.arraycopy(bytes, 0, field, f.alignRight() ? f.width() - bytes.length : 0, bytes.length);
		return field;
	}

	private static byte[] encode(BankLayout layout, String s, BankBatch batch, String where, FieldSpec f) {
		try {
			ByteBuffer b = layout.encoding()
				.newEncoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.encode(CharBuffer.wrap(s));
			byte[] bytes = new byte[b.remaining()];
			b.get(bytes);
			return bytes;
		}
		catch (CharacterCodingException e) {
			throw refuse(layout, batch, where, f, "含 " + layout.encoding().name() + " 无法表示的字符");
		}
	}

	private static IllegalStateException refuse(BankLayout layout, BankBatch batch, String where, FieldSpec f,
			String problem) {
		return new IllegalStateException("不能写 " + batch.bank() + " 代发文件（批次 " + batch.batchNo() + "，格式 "
				+ layout.source() + "）：" + where + " 的 " + (f == null ? "换行" : f.describe()) + " " + problem);
	}
}
