package cn.doudi.cli;

import picocli.CommandLine.Option;

/**
 * {@code --codes} of the lists ({@code findings list}, {@code users list}, {@code schedules list},
 * {@code intake list}): the table for a machine — the column names in English and the values as stored
 * (finding codes, effects, statuses, roles, county codes) — instead of the Chinese words a person reads
 * ({@link cn.doudi.kernel.Terms}, counties by their {@code regions} name with the code beside). Both are
 * tab-separated with one header line; scripts that parse a list pass {@code --codes}.
 */
class CodesOption {

	@Option(names = "--codes", description = "输出代码而不是中文名称（英文列名、数据库中的代码，供脚本读取）。")
	boolean codes;
}
