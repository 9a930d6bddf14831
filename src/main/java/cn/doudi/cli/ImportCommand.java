package cn.doudi.cli;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import cn.doudi.ingest.ImportOptions;
import cn.doudi.ingest.ImportOutcome;
import cn.doudi.ingest.ImportProblem;
import cn.doudi.ingest.ImportProgresses;
import cn.doudi.ingest.RosterImports;
import cn.doudi.ingest.Source;
import cn.doudi.security.AccessDeniedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import <source> <file>... [--encoding=E] [--accept-valid-rows] [--user=U]}: the files of one
 * command form one upload. Prints the counts, the first problems and the error reports' paths. Exits 0
 * when imported (or already imported), 4 when nothing was imported because of rejects, 2 on a usage
 * error, 3 when the user may not import the files (one line on standard error, nothing written).
 */
@Command(name = "import", description = "校验并导入一个数据来源的名册（CSV 或 XLSX，可多个文件作为一次上传）。")
class ImportCommand implements Callable<Integer> {

	private static final int SHOWN = 20;

	/** Exit status when the acting user may not import the files (nothing was written). */
	static final int REFUSED = CommandLines.ACCESS;

	@Parameters(index = "0", paramLabel = "<source>",
			description = "数据来源：beneficiaries（保障对象）、standards（保障标准）、regions（区划）、poverty（防返贫监测）、disability（残疾人）、deaths（死亡）、marriages（婚姻）、economic（家庭经济状况）、cpi（物价指数）、temp-assist（临时救助）")
	String source;

	@Parameters(index = "1..*", arity = "1..*", paramLabel = "<file>", description = "CSV 或 XLSX 文件（读第一个工作表）")
	List<Path> files;

	@Option(names = "--encoding", description = "CSV 的字符编码（默认自动识别 UTF-8 或 GBK/GB18030）")
	String encoding;

	@Option(names = "--accept-valid-rows", description = "有行被拒绝时仍导入有效行")
	boolean acceptValidRows;

	@Mixin
	UserOption user;

	private final RosterImports imports;
	private final ImportProgresses progresses;

	ImportCommand(RosterImports imports, ImportProgresses progresses) {
		this.imports = imports;
		this.progresses = progresses;
	}

	@Override
	public Integer call() {
		Source s = Source.parse(source)
			.orElseThrow(() -> new CommandFailedException("未知的数据来源“" + source + "”（应为 "
					+ String.join("、", java.util.Arrays.stream(Source.values()).map(Source::code).toList()) + " 之一）", 2));
		String acting;
		try {
			acting = user.name();
		}
		catch (AccessDeniedException e) {
			throw new CommandFailedException(e.getMessage().replace('\n', ' '), REFUSED);
		}
		ImportOptions options = new ImportOptions(charset(), acceptValidRows, acting);
		ImportOutcome outcome;
		try (ProgressDisplay shown = ProgressDisplay.start("导入", " MB", 1_048_576, progress(acting))) {
			outcome = imports.importFiles(s, files, options);
		}
		catch (IllegalArgumentException e) {
			throw new CommandFailedException(e.getMessage(), 2);
		}
		catch (AccessDeniedException e) {
			throw new CommandFailedException(e.getMessage().replace('\n', ' '), REFUSED);
		}
		PrintStream out = System.out;
		outcome.warnings().forEach(out::println);
		if (outcome.duplicate()) {
			out.printf("%s：相同内容已于导入 #%d 导入过，未做任何更改%n", s.code(), outcome.importId());
			return 0;
		}
		printProblems(out, outcome);
		outcome.errorReports().forEach(r -> out.println("错误报告：" + r));
		if (outcome.committed()) {
			out.printf("%s：已导入 #%d：读取 %d 行，导入 %d 行，拒绝 %d 行%s%n", s.code(), outcome.importId(),
					outcome.rowsRead(), outcome.rowsAccepted(), outcome.rowsRejected(),
					outcome.counties().isEmpty() ? "" : "（区县 " + String.join("、", outcome.counties()) + "）");
			return 0;
		}
		ImportProblem first = outcome.problems().isEmpty() ? null : sorted(outcome.problems()).get(0);
		String why = first != null && first.row() <= 0 ? "：" + first.file() + " " + first.reason() : "";
		throw new CommandFailedException(String.format("%s：未导入任何数据%s（读取 %d 行，拒绝 %d 行%s）", s.code(), why,
				outcome.rowsRead(), outcome.rowsRejected(),
				outcome.rowsRejected() > 0 && !acceptValidRows ? "；修正后重新导入，或用 --accept-valid-rows 只导入有效行" : ""),
				CommandLines.DATA);
	}

	/**
	 * This command's import as the job repository has it: the running import of the acting user, then, once
	 * it ended, the same import.
	 */
	private java.util.function.Supplier<java.util.Optional<ProgressDisplay.Reading>> progress(String acting) {
		java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong();
		return () -> progresses.running()
			.filter(p -> acting.equals(p.importedBy()))
			.map(p -> {
				seen.set(p.importId());
				return p;
			})
			.or(() -> seen.get() > 0 ? progresses.ofImport(seen.get()) : java.util.Optional.empty())
			.map(p -> new ProgressDisplay.Reading(p.bytesRead(), p.bytesTotal(), p.file() + " " + p.text(),
					String.format("%s 已读 %,d 行", p.file(), p.rowsRead())));
	}

	/** In the order of the files on the command line, then by row. */
	private List<ImportProblem> sorted(List<ImportProblem> problems) {
		List<String> names = files.stream().map(f -> f.getFileName().toString()).toList();
		return problems.stream()
			.sorted(java.util.Comparator.comparingInt((ImportProblem p) -> names.indexOf(p.file()))
				.thenComparingInt(ImportProblem::row))
			.toList();
	}

	private void printProblems(PrintStream out, ImportOutcome outcome) {
		List<ImportProblem> problems = sorted(outcome.problems());
		for (ImportProblem p : problems.subList(0, Math.min(SHOWN, problems.size()))) {
			out.printf("%s %s%s%s：%s%n", p.file(), p.row() > 0 ? "第" + p.row() + "行" : "",
					p.column() == null || p.column().isEmpty() ? "" : " [" + p.column() + "]",
					p.value() == null || p.value().isEmpty() ? "" : " 值“" + p.masked().value() + "”", p.reason());
		}
		int more = outcome.rowsRejected() - Math.min(SHOWN, problems.size());
		if (more > 0) {
			out.printf("……另有约 %d 行被拒绝，详见错误报告%n", more);
		}
	}

	private Charset charset() {
		if (encoding == null || encoding.isBlank()) {
			return null;
		}
		try {
			return Charset.forName(encoding.equalsIgnoreCase("GBK") ? "GB18030" : encoding);
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
			throw new CommandFailedException("未知的字符编码“" + encoding + "”（如 UTF-8、GBK、GB18030）", 2);
		}
	}
}
