package cn.doudi.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.doudi.kernel.Money;

/** Reads findings and their decisions from the {@code finding} and {@code finding_decision} tables. */
@Component
class FindingRecords {

	private static final String COLUMNS = """
			select id, code, effect, status, county, id_number, name, household_id, programs, account_number, detail,
			       first_month, last_month, closed_month from finding
			""";

	private final JdbcTemplate jdbc;

	FindingRecords(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<FindingView> find(long id) {
		return jdbc.query(COLUMNS + " where id = ?", this::view, id).stream().findFirst();
	}

	List<FindingView> list(String county, String code, List<String> statuses) {
		StringBuilder sql = new StringBuilder(COLUMNS).append(" where true");
		List<Object> args = new ArrayList<>();
		if (county != null) {
			sql.append(" and county = ?");
			args.add(county);
		}
		if (code != null) {
			sql.append(" and code = ?");
			args.add(code);
		}
		if (statuses != null) {
			sql.append(" and status = any(?)");
			args.add(statuses.toArray(String[]::new));
		}
		sql.append(" order by county collate \"C\", code collate \"C\", id_number collate \"C\", id");
		return jdbc.query(sql.toString(), this::view, args.toArray());
	}

	List<FindingView.Decision> decisions(long findingId) {
		return jdbc.query("""
				select decision, decided_by, to_char(decided_at, 'YYYY-MM-DD HH24:MI:SS'), note, amount
				from finding_decision where finding_id = ? order by decided_at, id
				""", (rs, i) -> new FindingView.Decision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getBigDecimal(5) == null ? "" : Money.format(rs.getBigDecimal(5))), findingId);
	}

	private FindingView view(ResultSet rs, int i) throws SQLException {
		return new FindingView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5).trim(),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
				rs.getString(10) == null ? "" : rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
				rs.getString(14) == null ? "" : rs.getString(14), List.of());
	}
}
