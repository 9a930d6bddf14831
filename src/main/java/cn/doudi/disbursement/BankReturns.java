package cn.doudi.disbursement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.doudi.disbursement.BankReturnOutcome.Status;
import cn.doudi.disbursement.batch.BankBatch;
import cn.doudi.disbursement.batch.BankLine;
import cn.doudi.disbursement.files.BankFileRecords;
import cn.doudi.disbursement.files.BankFolder;
import cn.doudi.disbursement.files.BatchAssembler;
import cn.doudi.disbursement.layout.BankLayout;
import cn.doudi.disbursement.layout.BankLayouts;
import cn.doudi.disbursement.layout.ReturnFileReader;
import cn.doudi.disbursement.layout.ReturnFileReader.ReturnFile;
import cn.doudi.disbursement.layout.Value;
import cn.doudi.disbursement.returns.ReturnMatcher;
import cn.doudi.disbursement.returns.ReturnStore;
import cn.doudi.kernel.Bank;
import cn.doudi.payroll.MonthEndRefusedException;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.PayrollRuns;
import cn.doudi.payroll.RunReader;
import cn.doudi.payroll.RunStatus;
import cn.doudi.security.AccessControl;
import cn.doudi.security.AuditLog;
import cn.doudi.security.Permission;

/**
 * {@code bank-return}: reads a bank's return file (回盘) in that bank's layout, matches each row to its
 * payment line by batch number and seq (checking account and amount) and marks the line PAID or FAILED with
 * the reason — the whole file or nothing. The same content read again is recognised and changes nothing;
 * a return for a run that is not APPROVED, or for a bank the run has no final file for, is refused.
 * The bank is {@code --bank}, else the file name's first part ({@code ICBC-410102-202610….txt}).
 */
@Service
public class BankReturns {

	private static final Pattern BATCH = Pattern.compile("(\\d{6})-(\\d{4})(\\d{2})-(\\d{2})");

	private final BankLayouts layouts;
	private final PayrollRuns runs;
	private final RunReader reader;
	private final BankFileRecords files;
	private final ReturnStore store;
	private final AccessControl access;
	private final AuditLog audit;
	private final TransactionTemplate tx;

	private final io.micrometer.core.instrument.MeterRegistry meters;

	BankReturns(BankLayouts layouts, PayrollRuns runs, RunReader reader, BankFileRecords files, ReturnStore store,
			AccessControl access, AuditLog audit, PlatformTransactionManager transactions,
			io.micrometer.core.instrument.MeterRegistry meters) {
		this.meters = meters;
		this.layouts = layouts;
		this.runs = runs;
		this.reader = reader;
		this.files = files;
		this.store = store;
		this.access = access;
		this.audit = audit;
		this.tx = new TransactionTemplate(transactions);
	}

	/** Reads one return file as {@code user}; {@code bank} may be null (then taken from the file name). */
	public BankReturnOutcome read(Path file, String bank, String user) {
		String name = file.getFileName().toString();
		byte[] content;
		try {
			content = Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法读取文件 " + file, e);
		}
		if (name.startsWith("DRAFT-")) {
			return BankReturnOutcome.rejected(name, null, null, List.of("这是草稿文件（DRAFT-），草稿不发放，也没有回盘"));
		}
		Optional<String> code = bank(bank, name);
		if (code.isEmpty()) {
			return BankReturnOutcome.rejected(name, null, null, List.of((bank != null ? "银行代码 " + bank + " 不认识"
					: "无法从文件名确定银行") + "，请用 --bank= 指定（ICBC、ABC、BOC、CCB、BOCOM、PSBC、RCU）"));
		}
		BankLayout layout = layouts.load().forBank(code.get());
		ReturnFile parsed = ReturnFileReader.read(layout, content);
		String label = parsed.header() != null ? parsed.header().get(Value.BATCH_NO)
				: parsed.trailer() != null ? parsed.trailer().get(Value.BATCH_NO) : null;
		if (label == null) {
			return BankReturnOutcome.rejected(name, null, code.get(), List.of("读不出批次号（文件头不符合 " + code.get()
					+ " 的格式 " + layout.source() + "）" + problem(parsed)));
		}
		if (label.startsWith(BankBatch.DRAFT_PREFIX)) {
			return BankReturnOutcome.rejected(name, label, code.get(), List.of("批次号 " + label + " 是草稿，草稿不发放，也没有回盘"));
		}
		Matcher m = BATCH.matcher(label);
		Optional<PayrollRun> run = m.matches()
				? runs.current(m.group(1), YearMonth.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))))
					.filter(r -> r.batchNo().equals(label))
				: Optional.empty();
		if (run.isEmpty()) {
			return BankReturnOutcome.rejected(name, label, code.get(), List.of("批次号 " + label + " 不存在（或已被撤销、取代）"));
		}
		PayrollRun r = run.get();
		access.require(user, Permission.RUN_PAYROLL, r.county());
		if (r.status() != RunStatus.APPROVED) {
			return BankReturnOutcome.rejected(name, label, code.get(),
					List.of("批次 " + label + " 的状态是 " + r.status() + "，未审批的批次不能回盘"));
		}
		if (!files.hasFinal(r.id(), code.get())) {
			return BankReturnOutcome.rejected(name, label, code.get(),
					List.of("批次 " + label + " 没有 " + code.get() + " 的正式代发文件"));
		}
		String hash = contentHash(content);
		Optional<Long> earlier = store.committed(hash);
		if (earlier.isPresent()) {
			return new BankReturnOutcome(name, Status.DUPLICATE, label, code.get(), earlier.get(), 0, 0, List.of());
		}
		// the batch as sent to this bank: the run's lines streamed, only this bank's kept
		BatchAssembler.OneBank oneBank = new BatchAssembler.OneBank(r, false, code.get());
		reader.forEachLine(r.id(), oneBank);
		BankBatch sent = oneBank.batch().orElse(null);
		if (sent == null) {
			return BankReturnOutcome.rejected(name, label, code.get(), List.of("批次 " + label + " 没有 " + code.get() + " 的发放行"));
		}
		Map<Long, String> statuses = store.statuses(sent.lines().stream().map(BankLine::paymentLineId).toList());
		ReturnMatcher.Result result = ReturnMatcher.match(layout, parsed, sent, statuses);
		if (!result.problems().isEmpty()) {
			return BankReturnOutcome.rejected(name, label, code.get(), result.problems());
		}
		int paid = (int) result.marks().stream().filter(x -> x.succeeded()).count();
		int failed = result.marks().size() - paid;
		try {
			long importId = tx.execute(s -> {
				if (!reader.lockApproved(r.id())) { // revoked since it was read above
					throw new MonthEndRefusedException("批次 " + label + " 已被撤销，不能回盘");
				}
				long id = store.store(hash, name, r.county(), user, label, result.marks());
				audit.record(user, "BANK_RETURN", r.county(), label, "import #" + id + " " + name + " (" + code.get()
						+ "): " + paid + " paid, " + failed + " failed");
				return id;
			});
			// doudi.bank.return.lines (counter, tags bank, status paid/failed): the lines this process's returns marked
			lines(code.get(), "paid").increment(paid);
			lines(code.get(), "failed").increment(failed);
			return new BankReturnOutcome(name, Status.ACCEPTED, label, code.get(), importId, paid, failed, List.of());
		}
		catch (MonthEndRefusedException e) {
			return BankReturnOutcome.rejected(name, label, code.get(), List.of(e.getMessage()));
		}
		catch (DuplicateKeyException e) {
			long id = store.committed(hash).orElseThrow(() -> e);
			return new BankReturnOutcome(name, Status.DUPLICATE, label, code.get(), id, 0, 0, List.of());
		}
	}

	private static Optional<String> bank(String option, String fileName) {
		String candidate = option != null ? option.strip().toUpperCase(Locale.ROOT)
				: fileName.split("[-_.]", 2)[0].toUpperCase(Locale.ROOT);
		for (Bank b : Bank.values()) {
			if (b.name().equals(candidate)) {
				return Optional.of(b.name());
			}
		}
		return Optional.empty();
	}

	private static String problem(ReturnFile parsed) {
		return parsed.header() != null && parsed.header().problem() != null ? "：" + parsed.header().problem() : "";
	}

	/** As {@code import_batch.content_hash}: SHA-256 over the file's own SHA-256 (hex). */
	static String contentHash(byte[] content) {
		return BankFolder.sha256(BankFolder.sha256(content).getBytes(StandardCharsets.US_ASCII));
	}

	private io.micrometer.core.instrument.Counter lines(String bank, String status) {
		return io.micrometer.core.instrument.Counter.builder("doudi.bank.return.lines")
			.description("银行回盘标记的发放行（成功、失败）")
			.tag("bank", bank)
			.tag("status", status)
			.register(meters);
	}
}
