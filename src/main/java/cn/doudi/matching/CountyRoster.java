package cn.doudi.matching;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import cn.doudi.allowance.RosterRow;
import cn.doudi.matching.MatchedRecords.MatchedCertificate;

/**
 * A county's own current roster rows as its check step read them (every row of the county's current
 * {@code beneficiaries} upload, in the order of program, household, ID and row in the file), with the valid
 * certificates and the death months matching its people by ID and name as the checks read them too
 * ({@link MatchedRecords#certificates}, {@link MatchedRecords#deathMonths}: the same maps), and what all of them
 * were read from ({@code version}: {@link MatchedRecords#version}), so that the same run's load takes them instead
 * of reading the county again, when nothing they came from has changed since ({@link MatchedRecords#isCurrent}).
 */
public record CountyRoster(String county, String version, List<RosterRow> rows,
		Map<String, List<MatchedCertificate>> certificates, Map<String, YearMonth> deathMonths) {

	public CountyRoster {
		rows = List.copyOf(rows);
		certificates = Map.copyOf(certificates);
		deathMonths = Map.copyOf(deathMonths);
	}
}
