package cn.doudi.disbursement.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.doudi.disbursement.batch.BankLine;
import cn.doudi.disbursement.batch.BatchHead;
import cn.doudi.disbursement.batch.Memo;
import cn.doudi.disbursement.layout.BankLayout;
import cn.doudi.disbursement.layout.LayoutSet;
import cn.doudi.disbursement.layout.LayoutWriter;
import cn.doudi.disbursement.layout.Substitution;
import cn.doudi.disbursement.pain.Pain001Writer;
import cn.doudi.disbursement.pain.Pain001Writer.Transfer;
import cn.doudi.disbursement.pain.Payer;
import cn.doudi.kernel.Program;
import cn.doudi.payroll.PaymentLineView;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.RunReader.PayTotal;

/**
 * One run's bank files written as its lines come ({@link cn.doudi.payroll.RunReader#forEachLine}): each
 * bank's file and the county's pain.001 open at once, under a temporary name in {@code bank/}, each line
 * written to its bank's file and to the pain.001 as it is read, with the bytes hashed as they go. The headers
 * carry each batch's count and total, taken from the run's totals before the first line; the lines written
 * must add up to them. The same bytes as {@link BatchAssembler} and the in-memory writers make: the batches in
 * bank-code order, the lines numbered in {@code payments.csv} order. Nothing is in place until {@link
 * BankFileWriter} moves the temporary files; {@link #discard} removes them.
 */
final class RunBankFiles {

	/** A file written: its temporary path (moved into place later), hash, line count and total. */
	record Written(String bank, String name, Path temp, String sha256, int lines, BigDecimal total) {
	}

	private final PayrollRun run;
	private final boolean draft;
	private final LayoutSet set;
	private final Path dir;
	private final Set<String> names;
	private final Payer payer;
	private final Map<String, BankFile> byBank = new TreeMap<>();
	private final List<Out> outs = new ArrayList<>();
	private Pain pain;
	private Program memoProgram;
	private java.time.YearMonth memoMonth;
	private boolean memoArrears;
	private String memo;

	/** {@code names}: the names of the files already written by this write, refused twice. */
	RunBankFiles(PayrollRun run, boolean draft, LayoutSet set, Path dir, Set<String> names, Payer payer) {
		this.run = run;
		this.draft = draft;
		this.set = set;
		this.dir = dir;
		this.names = names;
		this.payer = payer;
	}

	/** Opens the files the totals call for: one per known bank code with PAY lines, and the county's pain.001. */
	void start(List<PayTotal> totals) {
		Map<String, BigDecimal> amounts = new TreeMap<>();
		Map<String, Integer> counts = new TreeMap<>();
		for (PayTotal t : totals) {
			String bank = BatchAssembler.code(t.bank());
			if (BatchAssembler.known(bank)) { // a line of another bank is refused when it comes
				counts.merge(bank, t.lines(), Integer::sum);
				amounts.merge(bank, t.amount(), BigDecimal::add);
			}
		}
		int all = 0;
		BigDecimal sum = cn.doudi.kernel.Money.ZERO;
		for (String bank : counts.keySet()) {
			BankLayout layout = set.forBank(bank);
			String name = (draft ? BankFileWriter.DRAFT : "") + BankFileWriter.fileName(layout, bank, run.county(), run.month());
			BatchHead head = BatchAssembler.head(run, draft, bank, counts.get(bank), amounts.get(bank));
			Out out = open(bank, name);
			byBank.put(bank, new BankFile(out, head, LayoutWriter.onto(layout, head, out.stream)));
			all += head.count();
			sum = sum.add(head.total());
		}
		if (all > 0) {
			String name = (draft ? BankFileWriter.DRAFT : "") + BankFileWriter.painName(run.county(), run.month());
			BatchHead head = BatchAssembler.head(run, draft, BankFileWriter.PAIN_BANK, all, sum);
			Out out = open(BankFileWriter.PAIN_BANK, name);
			pain = new Pain(out, head, Pain001Writer.onto(out.stream, head, payer, true));
		}
	}

	/** Writes a PAY line to its bank's file and to the pain.001 (other lines are not sent); refuses a line without a bank or account. */
	void line(PaymentLineView l) {
		if (!l.isPay()) {
			return;
		}
		String bank = BatchAssembler.code(l.bank());
		BankFile file = byBank.get(bank); // only known banks have a file
		if (file == null || l.accountNumber() == null || l.accountNumber().isBlank()) {
			BatchAssembler.bankOf(run, l); // refuses a line without a known bank or an account
			throw changed(bank);
		}
		BankLine line = BatchAssembler.line(l, file.out.lines + 1, memo(l));
		file.writer.line(line);
		file.out.add(line.amount());
		pain.writer.transfer(new Transfer(bank, line));
		pain.out.add(line.amount());
	}

	/** The line's 摘要: the last line's when of the same program, month and kind (the lines come in program order). */
	private String memo(PaymentLineView l) {
		if (memo == null || l.program() != memoProgram || !l.payMonth().equals(memoMonth) || l.arrears() != memoArrears) {
			memoProgram = l.program();
			memoMonth = l.payMonth();
			memoArrears = l.arrears();
			memo = Memo.of(l.program(), l.payMonth(), l.arrears());
		}
		return memo;
	}

	/**
	 * Ends the files (trailers, the pain.001's end, validated against the XSD) and closes them; returns them
	 * in bank-code order, the pain.001 last, and adds each substitution a layout made to {@code substitutions}
	 * in file order.
	 */
	List<Written> finish(List<FileSubstitution> substitutions) {
		List<Written> written = new ArrayList<>();
		for (BankFile f : byBank.values()) {
			List<Substitution> subs = f.writer.finish();
			written.add(f.out.close(f.head));
			subs.forEach(s -> substitutions.add(new FileSubstitution(f.out.name, s)));
		}
		if (pain != null) {
			pain.writer.finish();
			Written w = pain.out.close(pain.head);
			pain.writer.refuseIfInvalid(w.name(), () -> read(w.temp()));
			written.add(w);
		}
		return written;
	}

	/** A substitution made in a file, for the warning naming it. */
	record FileSubstitution(String file, Substitution substitution) {
	}

	/** Closes and removes every temporary file opened. */
	void discard() {
		for (Out o : outs) {
			try {
				o.stream.close();
			}
			catch (IOException | RuntimeException e) {
				// removed below all the same
			}
			BankFolder.delete(dir, o.temp.getFileName().toString());
		}
	}

	private Out open(String bank, String name) {
		if (!names.add(name)) {
			throw new IllegalStateException("两个代发文件同名 bank/" + name + "（检查 " + set.where() + " 的 file-name）");
		}
		try {
			Path temp = BankFolder.temp(dir, name);
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			OutputStream stream = new BufferedOutputStream(new DigestOutputStream(created(temp), sha), 1 << 16);
			Out out = new Out(bank, name, temp, sha, stream);
			outs.add(out);
			return out;
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法写入文件 " + dir.resolve(name), e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * A new temporary file in {@link #dir}, the folder created when missing. Another county's partition whose bank
	 * files were refused removes the folder it created when it is empty; should that happen between this creating
	 * the folder and opening the file, the folder is created again (the file, once open, keeps the folder).
	 */
	private OutputStream created(Path temp) throws IOException {
		for (int attempt = 1;; attempt++) {
			Files.createDirectories(dir);
			try {
				return Files.newOutputStream(temp);
			}
			catch (java.nio.file.NoSuchFileException removedMeanwhile) {
				if (attempt == 3) {
					throw removedMeanwhile;
				}
			}
		}
	}

	private IllegalStateException changed(String bank) {
		return new IllegalStateException("批次 " + run.batchNo() + " 的 " + bank + " 发放行在写代发文件时有变动，请重新执行");
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private record BankFile(Out out, BatchHead head, LayoutWriter writer) {
	}

	private record Pain(Out out, BatchHead head, Pain001Writer writer) {
	}

	/** A temporary file being written, hashed as it goes, with the lines and amount written to it. */
	private final class Out {

		final String bank;
		final String name;
		final Path temp;
		final MessageDigest sha;
		final OutputStream stream;
		int lines;
		BigDecimal total = cn.doudi.kernel.Money.ZERO;

		Out(String bank, String name, Path temp, MessageDigest sha, OutputStream stream) {
			this.bank = bank;
			this.name = name;
			this.temp = temp;
			this.sha = sha;
			this.stream = stream;
		}

		void add(BigDecimal amount) {
			lines++;
			total = total.add(amount);
		}

		Written close(BatchHead head) {
			try {
				stream.close();
			}
			catch (IOException e) {
				throw new UncheckedIOException("无法写入文件 " + temp, e);
			}
			if (lines != head.count() || total.compareTo(head.total()) != 0) {
				throw changed(bank);
			}
			return new Written(bank, name, temp, HexFormat.of().formatHex(sha.digest()), lines, total);
		}
	}
}
