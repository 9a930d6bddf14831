package cn.doudi.cli;

import cn.doudi.kernel.Months;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --month}: checked while the command line is parsed (before anything starts), kept as {@code YYYY-MM}. */
final class MonthText implements ITypeConverter<String> {

	@Override
	public String convert(String value) {
		return Months.parse(value)
			.map(Months::format)
			.orElseThrow(() -> new TypeConversionException("不是月份（应为 YYYY-MM，如 2026-10）"));
	}
}
