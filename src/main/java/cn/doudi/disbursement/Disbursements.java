package cn.doudi.disbursement;

import java.nio.file.Path;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.doudi.disbursement.files.BankFileWriter;
import cn.doudi.disbursement.files.FinalFiles;
import cn.doudi.payroll.MonthEndOutput;
import cn.doudi.payroll.MonthEndOutput.CountyFiles;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.RunFiles;
import cn.doudi.payroll.RunReader;
import cn.doudi.payroll.RunStatus;

/**
 * The bank files of OUTPUTS.md: month-end writes the drafts ({@code bank/DRAFT-…}, batch number prefixed
 * 草稿) into the month's folder; approval writes the finals into the run's output folder, replacing its
 * drafts; both rewrite {@code bank/MANIFEST.sha256} and record each file in {@code bank_file}. A revoke
 * moves the run's final files out of {@code bank/} into {@code revoked/<batch no>/}, so that a revoked
 * batch cannot be sent to the bank by mistake (and the re-run's files do not sit beside it). Approval and
 * revocation go through {@link FinalFiles}, which keeps the folder in step with the run's status across a
 * killed process.
 */
@Service
public class Disbursements implements MonthEndOutput, RunFiles {

	private final BankFileWriter writer;
	private final FinalFiles finals;
	private final RunReader reader;
	private final io.micrometer.core.instrument.MeterRegistry meters;

	Disbursements(BankFileWriter writer, FinalFiles finals, RunReader reader,
			io.micrometer.core.instrument.MeterRegistry meters) {
		this.writer = writer;
		this.meters = meters;
		this.finals = finals;
		this.reader = reader;
	}

	/**
	 * Month-end, in the county's partition: the run's draft bank files into {@code folder/bank/}, with the
	 * warnings (a character a bank's layout cannot represent, written as its substitute: masked ID, field);
	 * the manifest comes after every county's files ({@link #finish}).
	 */
	@Override
	public CountyFiles write(PayrollRun run, Path folder) {
		List<String> placed = new java.util.ArrayList<>();
		List<String> warnings = cn.doudi.payroll.MonthEndPhases.time(meters, cn.doudi.payroll.MonthEndPhases.BANK,
				() -> writer.writeDrafts(run, folder, placed));
		return new CountyFiles(placed, warnings);
	}

	/** Month-end, after every county's files: {@code bank/MANIFEST.sha256} of the folder. */
	@Override
	public void finish(List<PayrollRun> runs, Path folder) {
		cn.doudi.payroll.MonthEndPhases.time(meters, cn.doudi.payroll.MonthEndPhases.BANK, () -> {
			writer.rewriteManifest(folder);
			return null;
		});
	}

	@Override
	public void checkDrafts(PayrollRun run, Path folder) {
		finals.checkDrafts(run, folder);
	}

	@Override
	public void stageFinals(PayrollRun run, Path folder) {
		finals.stage(run, folder);
	}

	@Override
	public void placeFinals(PayrollRun run, Path folder) {
		finals.place(run, folder);
	}

	@Override
	public void setAsideFinals(PayrollRun run, Path folder) {
		writer.setAsideFinals(run, folder);
	}

	@Override
	public void recover(PayrollRun run, Path folder) {
		finals.recover(run, folder, run.status() == RunStatus.APPROVED);
	}

	/** The run's final bank files now in its folder's {@code bank/} (none before approval, none for a run without PAY lines). */
	public List<Path> finalFiles(long runId) {
		return finals.inPlace(runId, reader.outputFolder(runId).map(Path::of));
	}
}
