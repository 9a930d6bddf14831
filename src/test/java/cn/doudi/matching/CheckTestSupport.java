package cn.doudi.matching;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.support.DatabaseCleaner;

/** Shared set-up of the checks' integration tests: empty tables, two counties of the system, helpers. */
abstract class CheckTestSupport {

	static final YearMonth OCT = YearMonth.of(2026, 10);
	static final YearMonth NOV = YearMonth.of(2026, 11);
	static final YearMonth DEC = YearMonth.of(2026, 12);

	@Autowired
	CrossChecks checks;

	@Autowired
	JdbcTemplate jdbc;

	CheckData data;

	@BeforeEach
	void cleanDatabase() {
		DatabaseCleaner.clean(jdbc);
		data = new CheckData(jdbc).counties(CheckData.ZY, CheckData.ZM);
	}

	CheckResult check(String county, YearMonth month) {
		return checks.check(county, month, data.run(county, month));
	}

	/** {@code code:id:county:programs:household:status} of every finding of the code, by id. */
	List<String> findings(String code) {
		return jdbc.queryForList("""
				select code || ':' || id_number || ':' || county || ':' || programs || ':' || household_id || ':' || status
				from finding where code = ? order by id
				""", String.class, code);
	}

	String detail(String code, String idNumber) {
		return jdbc.queryForObject("select detail from finding where code = ? and id_number = ? order by id desc limit 1",
				String.class, code, idNumber);
	}
}
