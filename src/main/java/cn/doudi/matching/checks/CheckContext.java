package cn.doudi.matching.checks;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.matching.MatchedRecords;
import cn.doudi.matching.MatchedRecords.PersonRef;
import cn.doudi.matching.roster.ActiveRoster;
import cn.doudi.matching.roster.RosterLoader;

/**
 * One county and month being checked, with today's snapshots. {@link #roster()} holds every household
 * in which a person of the county's roster has a row, in any county (so conditions spanning counties are
 * evaluated from today's roster, never from whether another county's run exists).
 */
public final class CheckContext {

	private final String county;
	private final YearMonth month;
	private final JdbcTemplate jdbc;
	private final RosterLoader loader;
	private final MatchedRecords matched;
	private ActiveRoster roster;
	private Set<String> systemCounties;

	public CheckContext(String county, YearMonth month, JdbcTemplate jdbc, RosterLoader loader,
			MatchedRecords matched) {
		this.county = county;
		this.month = month;
		this.jdbc = jdbc;
		this.loader = loader;
		this.matched = matched;
	}

	/** Dead for M by a death record matching the ID and the name given (RULES.md "Who is alive"). */
	public Set<String> deadFor(List<PersonRef> people) {
		Set<String> dead = new java.util.HashSet<>();
		matched.deathMonthsOf(people).forEach((id, m) -> {
			if (m.isBefore(month)) {
				dead.add(id);
			}
		});
		return dead;
	}

	public String county() {
		return county;
	}

	public YearMonth month() {
		return month;
	}

	public JdbcTemplate jdbc() {
		return jdbc;
	}

	public ActiveRoster roster() {
		if (roster == null) {
			roster = loader.load(month, """
					select o.household_id from current_beneficiary o
					where o.id_number in (select c.id_number from current_beneficiary c where c.county = ?)
					""", county);
		}
		return roster;
	}

	/** Whole households chosen by a query yielding household IDs. */
	public ActiveRoster rosterOf(String householdsQuery, Object... args) {
		return loader.load(month, householdsQuery, args);
	}

	/** Counties of the system: those with a {@code standards} row. */
	public Set<String> systemCounties() {
		if (systemCounties == null) {
			List<String> list = jdbc.queryForList("select distinct county from current_standard", String.class);
			systemCounties = Set.copyOf(list.stream().map(String::trim).toList());
		}
		return systemCounties;
	}

	/** A standards row of the county for the program and category in force in M. */
	public boolean hasStandard(String program, String category) {
		Integer n = jdbc.queryForObject("""
				select count(*) from current_standard
				where county = ? and program = ? and category = ? and effective_month <= ?
				""", Integer.class, county, program, category, month.toString());
		return n != null && n > 0;
	}
}
