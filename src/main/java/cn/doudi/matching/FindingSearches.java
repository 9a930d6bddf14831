package cn.doudi.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The findings list of the console (a page of a filtered, sorted list and its total) and its export (every
 * row, streamed): one set-based query over {@code finding} with LIMIT/OFFSET, the reader's counties in its
 * WHERE. Names of counties and villages are read for the page's rows only, in one query each.
 */
@Service
public class FindingSearches {

	private static final Map<String, String> ORDER = Map.of("id", "f.id", "county", "f.county", "code",
			"f.code collate \"C\"", "effect", "f.effect collate \"C\"", "status", "f.status collate \"C\"", "name",
			"f.name collate \"C\"", "household", "f.household_id collate \"C\"", "first", "f.first_month", "last",
			"f.last_month");

	private static final String COLUMNS = """
			select f.id, f.code, f.effect, f.status, f.county, f.id_number, f.name, f.household_id, f.programs,
			       f.account_number, f.detail, f.first_month, f.last_month, f.closed_month from finding f
			""";

	/** One page and the number of rows of the whole filtered list. */
	public record Page(List<ListedFinding> rows, long total) {
	}

	private final JdbcTemplate jdbc;

	FindingSearches(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Rows {@code offset} to {@code offset + limit} of the filtered list, and its total. */
	public Page page(FindingFilter filter, long offset, int limit) {
		List<Object> args = new ArrayList<>();
		String where = where(filter, args);
		Long total = jdbc.queryForObject("select count(*) from finding f" + where, Long.class, args.toArray());
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(limit);
		pageArgs.add(offset);
		List<FindingRecord> records = jdbc.query(COLUMNS + where + order(filter) + " limit ? offset ?",
				FindingSearches::record, pageArgs.toArray());
		return new Page(named(records), total == null ? 0 : total);
	}

	/** Every row of the filtered list in its order, named, in chunks of 1,000 (an export of any size). */
	public void each(FindingFilter filter, Consumer<ListedFinding> row) {
		List<Object> args = new ArrayList<>();
		String where = where(filter, args);
		String sql = COLUMNS + where + order(filter) + " limit 1000 offset ?";
		for (long offset = 0;; offset += 1000) {
			List<Object> a = new ArrayList<>(args);
			a.add(offset);
			List<FindingRecord> chunk = jdbc.query(sql, FindingSearches::record, a.toArray());
			named(chunk).forEach(row);
			if (chunk.size() < 1000) {
				return;
			}
		}
	}

	/** The villages (and townships) of the county in the current regions roster: code → name, by code. */
	public Map<String, String> villages(String county) {
		Map<String, String> v = new java.util.LinkedHashMap<>();
		jdbc.query("""
				select distinct on (code) code, name from current_region
				where code like ? and length(trim(code)) = 12 order by code, id desc
				""", rs -> {
			v.put(rs.getString(1).strip(), rs.getString(2).strip());
		}, county + "%");
		return v;
	}

	/** Names of counties in the current regions roster: code → name (a county without one is absent). */
	public Map<String, String> countyNames() {
		Map<String, String> v = new java.util.TreeMap<>();
		jdbc.query("select code, name from current_region where length(trim(code)) = 6 order by id", rs -> {
			v.put(rs.getString(1).strip(), rs.getString(2).strip());
		});
		return v;
	}

	private static String where(FindingFilter q, List<Object> args) {
		StringBuilder w = new StringBuilder(" where true");
		if (q.counties() != null) {
			w.append(" and f.county = any(?::bpchar[])");
			args.add(q.counties().toArray(String[]::new));
		}
		if (present(q.code())) {
			w.append(" and f.code = ?");
			args.add(q.code());
		}
		if (present(q.effect())) {
			w.append(" and f.effect = ?");
			args.add(q.effect());
		}
		if (q.statuses() != null) {
			w.append(" and f.status = any(?)");
			args.add(q.statuses().toArray(String[]::new));
		}
		if (present(q.program())) {
			w.append(" and (';' || f.programs || ';') like ?");
			args.add("%;" + q.program() + ";%");
		}
		if (present(q.month())) {
			w.append(" and f.first_month <= ? and f.last_month >= ?");
			args.add(q.month());
			args.add(q.month());
		}
		if (present(q.village())) {
			// the households of the village (or township) in the county's current beneficiary roster
			// (one line: a text block's leading space would be stripped, gluing "and" to the previous "?")
			w.append(" and f.household_id in (select b.household_id from current_beneficiary b"
					+ " where b.county = ? and b.region_code like ?)");
			args.add(q.village().substring(0, 6));
			args.add(q.village() + "%");
		}
		if (present(q.text())) {
			String t = q.text().strip();
			String id = t.toUpperCase(java.util.Locale.ROOT);
			w.append(" and (f.name like ? escape '\\' or f.household_id = ?");
			args.add("%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			args.add(t);
			if (id.matches("[0-9]{17}[0-9X]") && q.wholeIds()) {
				w.append(" or f.id_number = ?");
				args.add(id);
			}
			else if (id.matches("[0-9]{6}[0-9*]{8}[0-9]{3}[0-9X]")) {
				// the masked form: first six and last four characters (as IdNumber.mask shows them)
				w.append(" or (left(f.id_number, 6) = ? and right(f.id_number, 4) = ? and length(f.id_number) = 18)");
				args.add(id.substring(0, 6));
				args.add(id.substring(14));
			}
			w.append(")");
		}
		return w.toString();
	}

	private static String order(FindingFilter q) {
		String column = q.sort() == null ? null : ORDER.get(q.sort());
		if (column == null) {
			return " order by f.county collate \"C\", f.code collate \"C\", f.id_number collate \"C\", f.id";
		}
		String dir = q.descending() ? " desc" : "";
		return " order by " + column + dir + ", f.id" + dir;
	}

	/** The page's rows with the names of their counties and villages (one query each, for these rows only). */
	private List<ListedFinding> named(List<FindingRecord> records) {
		if (records.isEmpty()) {
			return List.of();
		}
		String[] counties = records.stream().map(FindingRecord::county).distinct().toArray(String[]::new);
		String[] households = records.stream().map(FindingRecord::householdId).filter(h -> !h.isEmpty()).distinct()
			.toArray(String[]::new);
		Map<String, String> villageOf = new HashMap<>();
		if (households.length > 0) {
			jdbc.query("""
					select b.county, b.household_id, min(b.region_code) from current_beneficiary b
					where b.county = any(?) and b.household_id = any(?) group by b.county, b.household_id
					""", rs -> {
				villageOf.put(rs.getString(1).strip() + '|' + rs.getString(2), rs.getString(3).strip());
			}, counties, households);
		}
		List<String> codes = new ArrayList<>(List.of(counties));
		codes.addAll(villageOf.values());
		Map<String, String> names = new HashMap<>();
		jdbc.query("select code, name from current_region where trim(code) = any(?) order by id", rs -> {
			names.put(rs.getString(1).strip(), rs.getString(2).strip());
		}, (Object) codes.stream().distinct().toArray(String[]::new));
		return records.stream().map(r -> {
			String village = villageOf.getOrDefault(r.county() + '|' + r.householdId(), "");
			return new ListedFinding(r, names.getOrDefault(r.county(), ""), village,
					village.isEmpty() ? "" : names.getOrDefault(village, ""));
		}).toList();
	}

	private static boolean present(String s) {
		return s != null && !s.isBlank();
	}

	private static FindingRecord record(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new FindingRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5).trim(),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
				rs.getString(10) == null ? "" : rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
				rs.getString(14) == null ? "" : rs.getString(14));
	}
}
