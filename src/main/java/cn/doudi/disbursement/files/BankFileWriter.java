package cn.doudi.disbursement.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.doudi.disbursement.files.BankFileRecords.BankFileRow;
import cn.doudi.disbursement.files.RunBankFiles.Written;
import cn.doudi.disbursement.layout.BankLayout;
import cn.doudi.disbursement.layout.BankLayouts;
import cn.doudi.disbursement.layout.LayoutSet;
import cn.doudi.disbursement.layout.Substitution;
import cn.doudi.identity.IdNumber;
import cn.doudi.disbursement.pain.Payer;
import cn.doudi.kernel.Bank;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.RunReader;

/**
 * Writes a run's bank files into {@code <folder>/bank/}: one per bank in its layout, the county's pain.001
 * (validated against the XSD), then the manifest. Every file is written and checked under a temporary name
 * first, as the run's lines are read (the heap holds a few lines, not the county), so a refused file leaves
 * the folder as it was; each file is then moved into place atomically. Drafts are named
 * {@code DRAFT-…} and carry the batch number prefixed 草稿; writing a county's files removes its other files of
 * that month (its drafts when the finals are written; a revoked run's files when the month is re-run).
 */
@Component
public class BankFileWriter {

	public static final String DRAFT = "DRAFT-";
	public static final String PAIN_BANK = "ISO20022";
	/** Where a revoked run's final files go, beside {@code bank/} in the month's folder. */
	public static final String REVOKED = "revoked";
	private static final Logger log = LoggerFactory.getLogger(BankFileWriter.class);

	private final RunReader reader;
	private final BankLayouts layouts;
	private final BankFileRecords records;
	private final Payer payer;

	BankFileWriter(RunReader reader, BankLayouts layouts, BankFileRecords records, Payer payer) {
		this.reader = reader;
		this.layouts = layouts;
		this.records = records;
		this.payer = payer;
	}

	/**
	 * Writes the runs' files (drafts or finals) into {@code folder/bank/} and rewrites the manifest. Returns
	 * the warnings, one per field a layout had to change ({@link Substitution}: a character its encoding
	 * lacks, …), each naming the county, the file, the line (masked ID) and the field, in Chinese. Each run's
	 * files are written as its lines are read ({@link RunBankFiles}), under temporary names: a refused file
	 * (a line without a bank, a pain.001 the XSD refuses) leaves the folder as it was.
	 */
	public List<String> write(List<PayrollRun> runs, Path folder, boolean draft) {
		List<String> warnings = write(runs, folder, draft, new ArrayList<>());
		Manifest.rewrite(BankFolder.of(folder), records);
		return warnings;
	}

	/**
	 * Month-end, one county: the run's draft files into {@code folder/bank/} as {@link #write}, but not the
	 * manifest (several counties are written at once, by their partitions: {@link #rewriteManifest} after
	 * them). {@code placed} receives each file placed, as {@code bank/<name>}; returns the warnings.
	 */
	public List<String> writeDrafts(PayrollRun run, Path folder, List<String> placed) {
		return write(List.of(run), folder, true, placed);
	}

	/** Rewrites {@code folder/bank/}'s manifest from the files in it (none: nothing). */
	public void rewriteManifest(Path folder) {
		Manifest.rewrite(BankFolder.of(folder), records);
	}

	private List<String> write(List<PayrollRun> runs, Path folder, boolean draft, List<String> placed) {
		LayoutSet set = layouts.load();
		Path dir = BankFolder.of(folder);
		boolean existed = Files.isDirectory(dir);
		List<List<Written>> rendered = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		Set<String> names = new HashSet<>();
		try {
			for (PayrollRun run : runs) {
				rendered.add(render(run, draft, set, dir, names, warnings));
			}
		}
		catch (RuntimeException e) {
			rendered.forEach(files -> files.forEach(f -> BankFolder.delete(dir, f.temp().getFileName().toString())));
			if (!existed) {
				try {
					Files.deleteIfExists(dir); // only when empty: the folder as it was
				}
				catch (java.io.IOException notEmpty) {
					// something else is in it: left
				}
			}
			throw e;
		}
		for (int i = 0; i < runs.size(); i++) {
			PayrollRun run = runs.get(i);
			List<Written> files = rendered.get(i);
			for (String stale : countyMonthNames(set, run.county(), run.month())) {
				if (!names.contains(stale)) {
					BankFolder.delete(dir, stale);
				}
			}
			List<BankFileRow> rows = new ArrayList<>();
			for (Written f : files) {
				BankFolder.place(dir, f.name());
				placed.add(BankFolder.NAME + "/" + f.name());
				rows.add(new BankFileRow(run.id(), f.bank(), BankFolder.NAME + "/" + f.name(), !draft, f.sha256(), f.lines(),
						f.total()));
			}
			records.replace(run.id(), !draft, rows);
			if (draft) { // finals are staged first: FinalFiles says where they end up
				log.info("draft {}: {} bank files written to {}", run.batchNo(), files.size(), dir);
			}
		}
		return List.copyOf(warnings);
	}

	/**
	 * Takes a revoked run's final files out of {@code <folder>/bank/}: each file still there with the
	 * content the run wrote moves to {@code <folder>/revoked/<batch no>/} (kept for the audit trail, out of
	 * the folder files are sent to the bank from), and the manifest is rewritten without them. Returns
	 * the files moved.
	 */
	public List<Path> setAsideFinals(PayrollRun run, Path folder) {
		Path aside = folder.resolve(REVOKED).resolve(run.batchNo());
		List<Path> moved = new ArrayList<>();
		for (BankFileRow f : records.finals(run.id())) {
			Path file = folder.resolve(f.fileName());
			if (java.nio.file.Files.isRegularFile(file) && BankFolder.sha256(file).equals(f.sha256())) {
				moved.add(BankFolder.move(file, aside));
			}
		}
		Manifest.rewrite(BankFolder.of(folder), records);
		log.info("revoked {}: {} final bank files moved to {}", run.batchNo(), moved.size(), aside);
		return moved;
	}

	/** The run's files under temporary names in {@code dir}, removed again when one is refused. */
	private List<Written> render(PayrollRun run, boolean draft, LayoutSet set, Path dir, Set<String> names,
			List<String> warnings) {
		RunBankFiles files = new RunBankFiles(run, draft, set, dir, names, payer);
		try {
			reader.forEachLine(run.id(), files::start, files::line);
			List<RunBankFiles.FileSubstitution> substitutions = new ArrayList<>();
			List<Written> written = files.finish(substitutions);
			for (RunBankFiles.FileSubstitution s : substitutions) {
				String warning = warning(run, s.file(), s.substitution());
				warnings.add(warning);
				log.warn(warning);
			}
			return written;
		}
		catch (RuntimeException e) {
			files.discard();
			throw e;
		}
	}

	/** {@code 410102 bank/PSBC-410102-202611.dat 第 3 笔（身份证 410102********123X）户名…}. */
	static String warning(PayrollRun run, String file, Substitution s) {
		String where = s.seq() == 0 ? "文件头或文件尾的" : "第 " + s.seq() + " 笔（身份证 " + IdNumber.mask(s.idNumber()) + "）";
		return run.county() + " " + BankFolder.NAME + "/" + file + " " + where + s.describe() + "；请与银行核对";
	}

	/** Every name a county's bank files of that month can have, draft or final. */
	static Set<String> countyMonthNames(LayoutSet set, String county, YearMonth month) {
		Set<String> names = new LinkedHashSet<>();
		for (Bank b : Bank.values()) {
			String name = fileName(set.forBank(b.name()), b.name(), county, month);
			names.add(name);
			names.add(DRAFT + name);
		}
		names.add(painName(county, month));
		names.add(DRAFT + painName(county, month));
		return names;
	}

	public static String fileName(BankLayout layout, String bank, String county, YearMonth month) {
		return layout.fileName(bank, county, yyyymm(month), month.toString());
	}

	/** {@code <county>-<YYYYMM>.pain.001.xml}. */
	public static String painName(String county, YearMonth month) {
		return county + "-" + yyyymm(month) + ".pain.001.xml";
	}

	static String yyyymm(YearMonth month) {
		return "%04d%02d".formatted(month.getYear(), month.getMonthValue());
	}
}
