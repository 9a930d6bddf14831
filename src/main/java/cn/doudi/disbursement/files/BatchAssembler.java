package cn.doudi.disbursement.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.doudi.disbursement.batch.BankBatch;
import cn.doudi.disbursement.batch.BankLine;
import cn.doudi.disbursement.batch.BatchHead;
import cn.doudi.disbursement.batch.Memo;
import cn.doudi.disbursement.pain.Pain001Writer.Transfer;
import cn.doudi.identity.IdNumber;
import cn.doudi.kernel.Bank;
import cn.doudi.payroll.PaymentLineView;
import cn.doudi.payroll.PayrollRun;

/**
 * A run's PAY lines as bank batches: per bank (by code), the lines in {@code payments.csv} order numbered
 * from 1. A PAY line without a known bank or an account number cannot be paid and is refused, naming it.
 */
public final class BatchAssembler {

	/** The run's batches by bank code, and the county's transfers (every bank) in payments.csv order. */
	public record RunBatches(PayrollRun run, Map<String, BankBatch> byBank, List<Transfer> transfers) {
	}

	private BatchAssembler() {
	}

	public static RunBatches assemble(PayrollRun run, List<PaymentLineView> lines, boolean draft) {
		Map<String, List<BankLine>> byBank = new TreeMap<>();
		List<Transfer> transfers = new ArrayList<>();
		for (PaymentLineView l : lines) {
			if (!l.isPay()) {
				continue;
			}
			String bank = bankOf(run, l);
			List<BankLine> bankLines = byBank.computeIfAbsent(bank, b -> new ArrayList<>());
			BankLine line = line(l, bankLines.size() + 1);
			bankLines.add(line);
			transfers.add(new Transfer(bank, line));
		}
		Map<String, BankBatch> batches = new LinkedHashMap<>();
		byBank.forEach((bank, bl) -> batches.put(bank, batch(run, draft, bank, bl)));
		return new RunBatches(run, batches, transfers);
	}

	/**
	 * One bank's batch of a run, built from the run's lines given one at a time in {@code payments.csv} order
	 * ({@code RunReader.forEachLine}): only that bank's PAY lines are kept, numbered as {@link #assemble} numbers
	 * them, so a bank return rebuilds the batch it answers without holding the county's lines. Every PAY line's
	 * bank is checked as {@link #assemble} checks it.
	 */
	public static final class OneBank implements java.util.function.Consumer<PaymentLineView> {

		private final PayrollRun run;
		private final boolean draft;
		private final String bank;
		private final List<BankLine> lines = new ArrayList<>();

		public OneBank(PayrollRun run, boolean draft, String bank) {
			this.run = run;
			this.draft = draft;
			this.bank = bank;
		}

		@Override
		public void accept(PaymentLineView l) {
			if (l.isPay() && bankOf(run, l).equals(bank)) {
				lines.add(line(l, lines.size() + 1));
			}
		}

		/** The bank's batch, or empty when the run pays nothing through it. */
		public java.util.Optional<BankBatch> batch() {
			return lines.isEmpty() ? java.util.Optional.empty()
					: java.util.Optional.of(BatchAssembler.batch(run, draft, bank, lines));
		}
	}

	/**
	 * The bank code of a PAY line (stripped); refuses, naming the line, a line without a known bank or an
	 * account number.
	 */
	public static String bankOf(PayrollRun run, PaymentLineView l) {
		String bank = code(l.bank());
		if (!known(bank) || l.accountNumber() == null || l.accountNumber().isBlank()) {
			throw new IllegalStateException("批次 " + run.batchNo() + " 的发放行（" + l.program() + "，身份证 "
					+ IdNumber.mask(l.idNumber()) + "，" + l.payMonth() + "）没有有效的开户银行或账号，不能生成代发文件");
		}
		return bank;
	}

	/** A stored bank code as lines are batched by it: stripped, null as empty. */
	static String code(String bank) {
		return bank == null ? "" : bank.strip();
	}

	/** Whether a (stripped) code is a bank's code, spelled as {@link Bank} spells it. */
	static boolean known(String bank) {
		return Bank.parse(bank).filter(b -> b.name().equals(bank)).isPresent();
	}

	/** The PAY line as the {@code seq}-th line of its bank's file. */
	public static BankLine line(PaymentLineView l, int seq) {
		return line(l, seq, Memo.of(l.program(), l.payMonth(), l.arrears()));
	}

	/** As {@link #line(PaymentLineView, int)}, with the line's {@link Memo} already made. */
	static BankLine line(PaymentLineView l, int seq, String memo) {
		String accountName = l.accountName() == null || l.accountName().isBlank() ? l.name() : l.accountName();
		return new BankLine(seq, l.id(), l.accountNumber(), accountName, l.amount(), l.idNumber(), l.name(),
				l.program().name(), l.payMonth(), memo);
	}

	/** The head of a batch of the run whose lines are written as they come: {@code count} lines, {@code total}. */
	static BatchHead head(PayrollRun run, boolean draft, String bank, int count, java.math.BigDecimal total) {
		return new BatchHead(run.id(), run.batchNo(), draft, bank, run.county(), run.month(), run.payDate(), count, total);
	}

	/** The county's batch over every bank (for pain.001). */
	public static BankBatch county(RunBatches rb, boolean draft) {
		return batch(rb.run(), draft, "ISO20022", rb.transfers().stream().map(Transfer::line).toList());
	}

	private static BankBatch batch(PayrollRun run, boolean draft, String bank, List<BankLine> lines) {
		return new BankBatch(run.id(), run.batchNo(), draft, bank, run.county(), run.month(), run.payDate(),
				List.copyOf(lines));
	}
}
