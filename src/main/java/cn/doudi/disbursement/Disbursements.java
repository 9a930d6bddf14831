package cn.doudi.disbursement;

import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import cn.doudi.disbursement.files.BankFileWriter;
import cn.doudi.payroll.MonthEndOutput;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.PayrollRunApproved;
import cn.doudi.payroll.PayrollRunRevoked;
import cn.doudi.payroll.RunReader;
import cn.doudi.payroll.RunStatus;

/**
 * The bank files of OUTPUTS.md: month-end writes the drafts ({@code bank/DRAFT-…}, batch number prefixed
 * 草稿) into the month's folder; approval writes the finals into the run's output folder, replacing its
 * drafts; both rewrite {@code bank/MANIFEST.sha256} and record each file in {@code bank_file}. A revoke
 * moves the run's final files out of {@code bank/} into {@code revoked/<batch no>/}, so that a revoked
 * batch cannot be sent to the bank by mistake (and the re-run's files do not sit beside it).
 */
@Service
public class Disbursements implements MonthEndOutput {

	private static final Logger log = LoggerFactory.getLogger(Disbursements.class);

	private final BankFileWriter writer;
	private final RunReader reader;

	Disbursements(BankFileWriter writer, RunReader reader) {
		this.writer = writer;
		this.reader = reader;
	}

	/**
	 * Month-end: the draft bank files of {@code runs} into {@code folder/bank/}; returns the warnings (a
	 * character a bank's layout cannot represent, written as its substitute: masked ID, field).
	 */
	@Override
	public List<String> write(List<PayrollRun> runs, Path folder) {
		return writer.write(runs, folder, true);
	}

	@EventListener
	void onApproved(PayrollRunApproved event) {
		writeFinals(event.runId());
	}

	@EventListener
	void onRevoked(PayrollRunRevoked event) {
		PayrollRun run = reader.run(event.runId()).orElseThrow(() -> new IllegalArgumentException("no run " + event.runId()));
		reader.outputFolder(run.id()).ifPresent(folder -> writer.setAsideFinals(run, Path.of(folder)));
	}

	/**
	 * The final bank files of an approved run, into the folder month-end wrote it to (none if it wrote none).
	 * The warnings month-end gave for the drafts hold for the finals too; they are logged again.
	 */
	public void writeFinals(long runId) {
		PayrollRun run = reader.run(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
		if (run.status() != RunStatus.APPROVED) {
			throw new IllegalStateException("发放批次 " + run.batchNo() + " 未审批（" + run.status() + "），不能写正式代发文件");
		}
		String folder = reader.outputFolder(runId).orElse(null);
		if (folder == null) {
			log.info("{}: month-end wrote no files for it, so no final bank files are written", run.batchNo());
			return;
		}
		writer.write(List.of(run), Path.of(folder), false);
	}
}
