package cn.doudi.cli;

import java.util.Map;

import cn.doudi.ingest.Regions;
import cn.doudi.kernel.Terms;

/** The counties' names of the {@code regions} roster, read once per command: {@code 中原区（410102）}, or the code. */
final class CountyNames {

	private final Map<String, String> names;

	CountyNames(Regions regions) {
		this.names = regions.names();
	}

	/** The county's name with its code beside; {@code 全市} for none (a city-wide user). */
	String of(String code) {
		return code == null || code.isBlank() ? "全市" : Terms.region(code, names.get(code));
	}
}
