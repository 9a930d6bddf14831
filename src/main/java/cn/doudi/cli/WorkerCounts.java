package cn.doudi.cli;

import java.util.List;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One count of {@code bench month-end --workers=W[,W…]} ({@code split = ","}): how many remote workers a remote
 * column runs with ({@code 1,2}: a column for one worker, then one for two; {@code 0}: no remote column), checked
 * while the command line is parsed.
 */
final class WorkerCounts implements ITypeConverter<Integer> {

	@Override
	public Integer convert(String value) {
		String s = value.strip();
		if (!s.matches("\\d{1,3}")) {
			throw new TypeConversionException("应为工作进程数，或用逗号分隔的几个（如 2 或 1,2；0 表示不测远程工作进程）");
		}
		return Integer.parseInt(s);
	}

	/** The remote columns to measure: each count above 0 once, in the order given. */
	static List<Integer> columns(List<Integer> given) {
		return given == null ? List.of() : given.stream().filter(n -> n > 0).distinct().toList();
	}
}
