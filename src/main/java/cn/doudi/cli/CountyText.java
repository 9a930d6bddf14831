package cn.doudi.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --county}: a county's code of six digits (区县代码), checked while the command line is parsed. */
final class CountyText implements ITypeConverter<String> {

	@Override
	public String convert(String value) {
		String s = value.strip();
		if (!s.matches("\\d{6}")) {
			throw new TypeConversionException("不是区县代码（应为 6 位数字，如 410102）");
		}
		return s;
	}
}
