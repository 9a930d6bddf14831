package cn.doudi.matching;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.doudi.identity.PersonName;
import cn.doudi.matching.roster.CurrentRoster;
import cn.doudi.matching.roster.RosterCopy;

/**
 * Other agencies' records that match a county's beneficiaries by ID <em>and</em> name: deaths (RULES.md
 * "Who is alive": the earliest matching death month counts) and valid disability certificates
 * (RULES.md "Disability certificates"). A record with the right ID and another name does not match
 * (it raises NAME_MISMATCH in the checks instead).
 */
@Service
public class MatchedRecords {

	/** A matching, valid certificate: type 1–7, grade 1–4. */
	public record MatchedCertificate(String idNumber, String certificateNo, int type, int grade) {
	}

	private final JdbcTemplate jdbc;
	private final RosterCopy copy;

	MatchedRecords(JdbcTemplate jdbc, RosterCopy copy) {
		this.jdbc = jdbc;
		this.copy = copy;
	}

	/** Earliest death month per ID for the county's roster persons whose death record matches by ID and name. */
	public Map<String, YearMonth> deathMonths(String county) {
		Map<String, YearMonth> result = new HashMap<>();
		jdbc.query("""
				select d.id_number, d.name as death_name, d.death_date, b.name as roster_name
				from current_death d
				join (select distinct id_number, name from current_beneficiary where county = ?) b
				  on b.id_number = d.id_number
				where d.id_valid
				""", rs -> {
			if (PersonName.matches(rs.getString("death_name"), rs.getString("roster_name"))) {
				YearMonth m = YearMonth.from(rs.getDate("death_date").toLocalDate());
				result.merge(rs.getString("id_number"), m, (a, b) -> a.isBefore(b) ? a : b);
			}
		}, county);
		return result;
	}

	/** A person as another record names them: ID and name. */
	public record PersonRef(String idNumber, String name) {
	}

	/** A death record (valid ID) as {@code current_death} holds it: ID, name, date of death. */
	public record DeathRecord(String idNumber, String name, java.time.LocalDate date) {

		/** The month of death. */
		public YearMonth month() {
			return YearMonth.from(date);
		}
	}

	/**
	 * Earliest death month per ID for the given people (who may no longer be on the roster), each matched
	 * by ID and the name given.
	 */
	public Map<String, YearMonth> deathMonthsOf(List<PersonRef> people) {
		if (people.isEmpty()) {
			return new HashMap<>();
		}
		return earliestMatching(people, deathRecordsOf(people.stream().map(PersonRef::idNumber).toList()));
	}

	/**
	 * The death records (valid IDs) of these IDs, whatever their names: one query. The IDs are joined as
	 * {@code unnest(?)} (hashed), not filtered with {@code = any(?)}: once the statement is prepared the server's
	 * generic plan searches the array linearly per death row (a county's 40,000 IDs × every death record: 0.9–1.3 s
	 * per county at 40,000 households, the largest statement of the check step; CheckReader's rules).
	 */
	public List<DeathRecord> deathRecordsOf(java.util.Collection<String> ids) {
		List<DeathRecord> result = new ArrayList<>();
		if (ids.isEmpty()) {
			return result;
		}
		Object[] distinct = new java.util.LinkedHashSet<>(ids).toArray();
		jdbc.query("""
				select d.id_number, d.name, d.death_date from current_death d
				join (select distinct unnest(?::varchar[]) as id_number) k on k.id_number = d.id_number
				where d.id_valid
				""", ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", distinct)), rs -> {
					result.add(new DeathRecord(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate()));
				});
		return result;
	}

	/**
	 * Earliest death month per ID among the records, each matched by ID and one of the names the people give
	 * for that ID (pure: {@link #deathMonthsOf} without the query).
	 */
	public static Map<String, YearMonth> earliestMatching(List<PersonRef> people, List<DeathRecord> deaths) {
		Map<String, YearMonth> result = new HashMap<>();
		Map<String, List<String>> names = new HashMap<>();
		people.forEach(p -> names.computeIfAbsent(p.idNumber(), k -> new ArrayList<>()).add(p.name()));
		for (DeathRecord d : deaths) {
			if (names.getOrDefault(d.idNumber(), List.of()).stream().anyMatch(n -> PersonName.matches(n, d.name()))) {
				result.merge(d.idNumber(), d.month(), (a, b) -> a.isBefore(b) ? a : b);
			}
		}
		return result;
	}

	/** Valid certificates matching the county's roster persons by ID and name, per ID number. */
	public Map<String, List<MatchedCertificate>> certificates(String county) {
		Map<String, List<MatchedCertificate>> result = new HashMap<>();
		copy.refresh();
		jdbc.query("""
				with b as materialized (select distinct id_number, name from current_beneficiary where county = ?)
				select distinct d.id_number, d.certificate_no, d.type, d.grade, d.name as cert_name, b.name as roster_name
				from b join """ + CurrentRoster.certificatesOf("select distinct id_number from b") + """
				  on d.id_number = b.id_number
				where d.valid
				order by d.id_number, d.certificate_no
				""", rs -> {
			if (PersonName.matches(rs.getString("cert_name"), rs.getString("roster_name"))) {
				MatchedCertificate c = new MatchedCertificate(rs.getString("id_number"), rs.getString("certificate_no"),
						rs.getInt("type"), rs.getInt("grade"));
				List<MatchedCertificate> list = result.computeIfAbsent(c.idNumber(), k -> new ArrayList<>());
				if (!list.contains(c)) {
					list.add(c);
				}
			}
		}, county);
		return result;
	}

	/**
	 * The households of other counties' current rosters that hold a person of {@code county}'s current roster, by
	 * county (code order), each county's households in code order: the neighbours whose records the county's price
	 * subsidy reads (RULES.md "Enrollment"). Looked up by key ({@link CurrentRoster#rowsOf}: the county's IDs, then an
	 * index probe per ID), not by reading every county's roster (README "Province speed").
	 */
	public Map<String, List<String>> householdsSharingPeople(String county) {
		Map<String, List<String>> result = new java.util.TreeMap<>();
		copy.refresh();
		jdbc.query("select distinct s.county::char(6) as county, b.household_id from "
				+ CurrentRoster.rowsOf("id_number", "select distinct c.id_number from current_beneficiary c where c.county = ?")
				+ " where s.county <> ? order by 1, 2", rs -> {
					result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
				}, county, county);
		return result;
	}

	/**
	 * Whether what a county's records read earlier ({@link CountyRoster}: the check step's) were read from has not
	 * changed since (the same {@link #version}): then its rows are the rows a read of the county's current roster
	 * would give now, its certificates {@link #certificates}' and its death months {@link #deathMonths}'. One small
	 * query.
	 */
	public boolean isCurrent(CountyRoster held) {
		return version(held.county()).equals(held.version());
	}

	/**
	 * What a county's roster rows, its people's certificates and death records are read from: the county's roster
	 * ({@link CurrentRoster#version}: its current upload and the bulk tables' change count, which counts the
	 * writes to {@code disability} too), the current disability upload, the committed death uploads and the count
	 * of statements that wrote {@code death} ({@code death_changes}, V600). Equal versions at two moments mean the
	 * same rows, certificates and death records for the county at both. One small query.
	 */
	public String version(String county) {
		return CurrentRoster.version(jdbc, county) + '/' + jdbc.queryForObject("""
				select coalesce((select u.import_id::text from snapshot u where u.source = 'disability' and u.county = ''), '-')
				       || '/' || (select count(*) || ':' || coalesce(max(i.id), 0) from import_batch i
				                  where i.source = 'deaths' and i.status = 'COMMITTED')
				       || '/' || (select last_value from death_changes)
				""", String.class);
	}

	/** A current disability certificate (any status) as {@code current_disability} holds it. */
	public record CertificateRecord(String idNumber, String name, String certificateNo, int type, int grade,
			boolean valid) {
	}

	/**
	 * {@link #certificates}' map from the county's people (the distinct ID and name pairs of its roster rows) and
	 * every certificate of their IDs in ID and number order (pure): the valid ones whose name matches one of the
	 * person's names, each once, in number order.
	 */
	public static Map<String, List<MatchedCertificate>> certificatesMatching(List<PersonRef> people,
			List<CertificateRecord> certificates) {
		Map<String, List<String>> names = new HashMap<>();
		people.forEach(p -> names.computeIfAbsent(p.idNumber(), k -> new ArrayList<>()).add(p.name()));
		Map<String, List<MatchedCertificate>> result = new HashMap<>();
		for (CertificateRecord c : certificates) {
			if (c.valid()
					&& names.getOrDefault(c.idNumber(), List.of()).stream().anyMatch(n -> PersonName.matches(c.name(), n))) {
				MatchedCertificate m = new MatchedCertificate(c.idNumber(), c.certificateNo(), c.type(), c.grade());
				List<MatchedCertificate> list = result.computeIfAbsent(c.idNumber(), k -> new ArrayList<>());
				if (!list.contains(m)) {
					list.add(m);
				}
			}
		}
		return result;
	}

	/** Is {@code deathMonth} before {@code month}? (the month of death is paid in full). */
	public static boolean deadFor(YearMonth deathMonth, YearMonth month) {
		return deathMonth != null && deathMonth.isBefore(month);
	}
}
