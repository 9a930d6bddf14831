package cn.doudi.disbursement.returns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.doudi.disbursement.batch.BankBatch;
import cn.doudi.disbursement.batch.BankLine;
import cn.doudi.disbursement.layout.BankLayout;
import cn.doudi.disbursement.layout.FieldSpec;
import cn.doudi.disbursement.layout.LayoutWriter;
import cn.doudi.disbursement.layout.ReturnFileReader.ReturnFile;
import cn.doudi.disbursement.layout.ReturnRecord;
import cn.doudi.disbursement.layout.Value;
import cn.doudi.identity.IdNumber;
import cn.doudi.kernel.Money;

/**
 * Matches a return file against the final bank file it answers ({@code sent}: the bank's batch as written):
 * the header (and trailer) must be the same records; each detail row is found by its seq and must carry the
 * same account and amount; its status must be the layout's success or failure word. A line an earlier
 * return marked differently is refused (a failed line is re-issued as arrears: it must never turn paid).
 * Every problem names the row, the value and the reason, in Chinese; account numbers are masked.
 */
public final class ReturnMatcher {

	/** The marks, or the problems (then nothing may be changed). */
	public record Result(List<Mark> marks, List<String> problems) {
	}

	private ReturnMatcher() {
	}

	/** {@code earlier}: the bank_status already set on the batch's lines, by payment line id. */
	public static Result match(BankLayout layout, ReturnFile file, BankBatch sent, Map<Long, String> earlier) {
		List<String> problems = new ArrayList<>();
		sameRecord(layout, layout.header(), file.header(), sent, "文件头", problems);
		sameRecord(layout, layout.trailer(), file.trailer(), sent, "文件尾", problems);
		if (file.details().isEmpty()) {
			problems.add("没有任何明细行");
		}
		List<Mark> marks = new ArrayList<>();
		Map<Integer, Integer> seen = new HashMap<>();
		for (ReturnRecord r : file.details()) {
			String at = "第 " + r.row() + " 行：";
			if (r.problem() != null) {
				problems.add(at + r.problem());
				continue;
			}
			int seq;
			try {
				seq = Integer.parseInt(r.get(Value.SEQ));
			}
			catch (NumberFormatException e) {
				problems.add(at + "序号 '" + r.get(Value.SEQ) + "' 不是数字");
				continue;
			}
			if (seq < 1 || seq > sent.count()) {
				problems.add(at + "序号 " + seq + " 不在批次 " + sent.batchNo() + " 的 " + sent.bank() + " 代发文件中（共 "
						+ sent.count() + " 笔）");
				continue;
			}
			Integer before = seen.put(seq, r.row());
			if (before != null) {
				problems.add(at + "序号 " + seq + " 重复（第 " + before + " 行已有）");
				continue;
			}
			BankLine line = sent.lines().get(seq - 1);
			String account = r.get(Value.ACCOUNT);
			if (!line.account().equals(account)) {
				problems.add(at + "序号 " + seq + " 的账号 " + IdNumber.mask(account) + " 与代发文件不符（应为 "
						+ IdNumber.mask(line.account()) + "）");
				continue;
			}
			BigDecimal amount = amount(layout, r.get(Value.AMOUNT));
			if (amount == null || amount.compareTo(line.amount()) != 0) {
				problems.add(at + "序号 " + seq + " 的金额 " + r.get(Value.AMOUNT) + " 与代发文件不符（应为 "
						+ LayoutWriter.amount(layout, line.amount()) + "）");
				continue;
			}
			boolean ok = layout.success().equals(r.status());
			if (!ok && !layout.failure().equals(r.status())) {
				problems.add(at + "序号 " + seq + " 的状态 '" + r.status() + "' 应为 " + layout.success() + " 或 "
						+ layout.failure());
				continue;
			}
			String status = ok ? "PAID" : "FAILED";
			String already = earlier.get(line.paymentLineId());
			if (already != null && !already.equals(status)) {
				problems.add(at + "序号 " + seq + " 已由之前的回盘标记为 " + word(layout, already) + "，不能改为 "
						+ word(layout, status));
				continue;
			}
			String reason = ok || r.reason() == null || r.reason().isBlank() ? null : r.reason();
			marks.add(new Mark(r.row(), seq, line.paymentLineId(), account, line.amount(), ok, reason));
		}
		return new Result(marks, problems);
	}

	private static void sameRecord(BankLayout layout, List<FieldSpec> fields, ReturnRecord record, BankBatch sent,
			String what, List<String> problems) {
		if (fields.isEmpty() || record == null) {
			if (!fields.isEmpty()) {
				problems.add("缺少" + what);
			}
			return;
		}
		if (record.problem() != null) {
			problems.add("第 " + record.row() + " 行（" + what + "）：" + record.problem());
			return;
		}
		for (FieldSpec f : fields) {
			if (f.value() == Value.TEXT) {
				continue;
			}
			String expected = LayoutWriter.value(f, layout, sent, null);
			String actual = record.get(f.value());
			if (!expected.equals(actual)) {
				problems.add("第 " + record.row() + " 行（" + what + "）：" + f.value().key() + " 是 '" + actual
						+ "'，代发文件是 '" + expected + "'");
			}
		}
	}

	private static BigDecimal amount(BankLayout layout, String text) {
		try {
			return layout.amountInFen() ? new BigDecimal(text).movePointLeft(2) : Money.parse(text);
		}
		catch (NumberFormatException | NullPointerException e) {
			return null;
		}
	}

	private static String word(BankLayout layout, String status) {
		return "PAID".equals(status) ? layout.success() : layout.failure();
	}
}
