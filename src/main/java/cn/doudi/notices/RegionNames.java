package cn.doudi.notices;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Names of counties, townships and villages or communities from the imported {@code regions} roster
 * (the {@code current_region} view); a code without a name is shown as the code (INPUTS.md).
 */
@Component
class RegionNames {

	private final JdbcTemplate jdbc;

	RegionNames(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The names in force now, as a lookup that falls back to the code. */
	Names load() {
		Map<String, String> names = new HashMap<>();
		jdbc.query("select code, name from current_region order by id", rs -> {
			String name = rs.getString(2) == null ? "" : rs.getString(2).strip();
			if (!name.isEmpty()) {
				names.put(rs.getString(1).strip(), name);
			}
		});
		return code -> names.getOrDefault(code, code);
	}

	/** A region's name by code, or the code. */
	@FunctionalInterface
	interface Names {

		String of(String code);
	}
}
