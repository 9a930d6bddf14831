package cn.doudi.disbursement.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.doudi.disbursement.files.BankFileRecords.BankFileRow;
import cn.doudi.disbursement.layout.BankLayouts;
import cn.doudi.kernel.FailPoint;
import cn.doudi.payroll.MonthEndRefusedException;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.RunReader;

/**
 * A run's final bank files through approve and revoke, so that whatever moment a process is killed at,
 * the month's {@code bank/} folder ends up holding what the run's committed status says — the drafts of a
 * RELEASED run, the finals of an APPROVED one — once the next command has recovered:
 * <ul>
 * <li>approve checks the drafts ({@link #checkDrafts}), renders the finals into
 * {@code <folder>/.staging/<batch no>/bank/} and records them, inside its transaction ({@link #stage});
 * after the commit {@link #place} moves them into {@code bank/}, removes the drafts, rewrites the manifest
 * and removes the staging folder;</li>
 * <li>revoke moves the finals to {@code revoked/<batch no>/} inside its transaction
 * ({@link BankFileWriter#setAsideFinals});</li>
 * <li>{@link #recover}: a staging folder of an APPROVED run is placed, of any other run removed (its
 * transaction never committed); an APPROVED run's finals found in {@code revoked/<batch no>/} (a revoke
 * that never committed) go back to {@code bank/}.</li>
 * </ul>
 */
@Component
public class FinalFiles {

	/** Beside {@code bank/} in the month's folder: approve's finals before its commit, one folder per batch. */
	public static final String STAGING = ".staging";
	private static final Logger log = LoggerFactory.getLogger(FinalFiles.class);

	private final BankFileWriter writer;
	private final BankFileRecords records;
	private final BankLayouts layouts;
	private final RunReader reader;

	FinalFiles(BankFileWriter writer, BankFileRecords records, BankLayouts layouts, RunReader reader) {
		this.writer = writer;
		this.records = records;
		this.layouts = layouts;
		this.reader = reader;
	}

	public static Path staging(Path folder, PayrollRun run) {
		return folder.resolve(STAGING).resolve(run.batchNo());
	}

	/** Refuses a run whose draft bank files are not in {@code folder} as month-end wrote them. */
	public void checkDrafts(PayrollRun run, Path folder) {
		List<BankFileRow> drafts = records.drafts(run.id());
		List<String> wrong = new ArrayList<>();
		for (BankFileRow d : drafts) {
			Path file = folder.resolve(d.fileName());
			if (!Files.isRegularFile(file)) {
				wrong.add(d.fileName() + " 缺失");
			}
			else if (!BankFolder.sha256(file).equals(d.sha256())) {
				wrong.add(d.fileName() + " 已被改动");
			}
		}
		if (drafts.isEmpty() && reader.hasPayLines(run.id())) {
			wrong.add("月结没有写出草稿代发文件");
		}
		if (!wrong.isEmpty()) {
			throw new MonthEndRefusedException("发放批次 " + run.batchNo() + " 的草稿代发文件不完整（" + folder + "：" + String.join("，", wrong)
					+ "）：重新执行 month-end 生成草稿后再提交、审批");
		}
	}

	/** Inside approve's transaction: the finals rendered into the staging folder and recorded; nothing else moves. */
	public void stage(PayrollRun run, Path folder) {
		Path staging = staging(folder, run);
		deleteTree(staging);
		writer.write(List.of(run), staging, false);
	}

	/**
	 * After approve committed: moves the staged finals into {@code bank/} (each checked against its record),
	 * removes the county's other files of that month there (the drafts), rewrites the manifest, removes the
	 * staging folder. Picks up where a killed process stopped.
	 */
	public void place(PayrollRun run, Path folder) {
		Path staging = staging(folder, run);
		Path stagedBank = BankFolder.of(staging);
		Path bank = BankFolder.of(folder);
		Map<String, BankFileRow> finals = records.finals(run.id())
			.stream()
			.collect(Collectors.toMap(f -> Path.of(f.fileName()).getFileName().toString(), Function.identity()));
		for (Path staged : list(stagedBank)) {
			String name = staged.getFileName().toString();
			if (name.equals(Manifest.NAME)) {
				continue;
			}
			BankFileRow row = finals.get(name);
			if (row == null || !BankFolder.sha256(staged).equals(row.sha256())) {
				throw new IllegalStateException("暂存的正式代发文件 " + staged + " 与审批时的记录不符，未移入 bank/");
			}
			BankFolder.move(staged, bank);
			FailPoint.reach("approve.placing");
		}
		for (String other : BankFileWriter.countyMonthNames(layouts.load(), run.county(), run.month())) {
			if (!finals.containsKey(other)) {
				BankFolder.delete(bank, other);
			}
		}
		Manifest.rewrite(bank, records);
		deleteTree(staging);
		deleteIfEmpty(folder.resolve(STAGING));
		log.info("final {}: {} bank files in {}", run.batchNo(), finals.size(), bank);
	}

	/** Turns what a killed approve or revoke left into what the run's committed status says. */
	public void recover(PayrollRun run, Path folder, boolean approved) {
		Path staging = staging(folder, run);
		if (Files.exists(staging)) {
			if (approved) {
				log.warn("{}: approved, its final bank files were still staged (a process was killed after the approval): "
						+ "moving them into {}", run.batchNo(), BankFolder.of(folder));
				place(run, folder);
			}
			else {
				log.warn("{}: not approved, removing the final bank files an approve that never committed staged in {}",
						run.batchNo(), staging);
				deleteTree(staging);
				deleteIfEmpty(folder.resolve(STAGING));
			}
		}
		Path aside = folder.resolve(BankFileWriter.REVOKED).resolve(run.batchNo());
		if (approved && Files.isDirectory(aside)) {
			log.warn("{}: still approved, putting back into {} the final bank files a revoke that never committed had "
					+ "moved to {}", run.batchNo(), BankFolder.of(folder), aside);
			for (BankFileRow f : records.finals(run.id())) {
				Path file = aside.resolve(Path.of(f.fileName()).getFileName());
				if (Files.isRegularFile(file) && BankFolder.sha256(file).equals(f.sha256())) {
					BankFolder.move(file, BankFolder.of(folder));
				}
			}
			deleteIfEmpty(aside);
			deleteIfEmpty(folder.resolve(BankFileWriter.REVOKED));
			Manifest.rewrite(BankFolder.of(folder), records);
		}
	}

	/** The run's final files as they are in {@code bank/} now. */
	public List<Path> inPlace(long runId, Optional<Path> folder) {
		if (folder.isEmpty()) {
			return List.of();
		}
		List<Path> in = new ArrayList<>();
		for (BankFileRow f : records.finals(runId)) {
			Path file = folder.get().resolve(f.fileName());
			if (Files.isRegularFile(file) && BankFolder.sha256(file).equals(f.sha256())) {
				in.add(file);
			}
		}
		return in;
	}

	private static List<Path> list(Path dir) {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static void deleteTree(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> s = Files.walk(dir)) {
			for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法删除 " + dir, e);
		}
	}

	private static void deleteIfEmpty(Path dir) {
		try (Stream<Path> s = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
			if (Files.isDirectory(dir) && s.findAny().isEmpty()) {
				Files.deleteIfExists(dir);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法删除 " + dir, e);
		}
	}
}
