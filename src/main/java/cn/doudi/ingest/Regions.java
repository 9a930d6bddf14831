package cn.doudi.ingest;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The names of regions (counties, townships, villages) in force, from the imported {@code regions} roster. */
@Service
public class Regions {

	private final JdbcTemplate jdbc;

	Regions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Code to name, for the regions that have one (a code without a name is absent: show the code). */
	public Map<String, String> names() {
		Map<String, String> names = new HashMap<>();
		jdbc.query("select code, name from current_region order by id", rs -> {
			String name = rs.getString(2) == null ? "" : rs.getString(2).strip();
			if (!name.isEmpty()) {
				names.put(rs.getString(1).strip(), name);
			}
		});
		return names;
	}
}
