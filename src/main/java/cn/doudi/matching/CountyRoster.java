package cn.doudi.matching;

import java.util.List;

import cn.doudi.allowance.RosterRow;

/**
 * A county's own current roster rows as its check step read them (every row of the county's current
 * {@code beneficiaries} upload, in the order of program, household, ID and row in the file), with what they
 * were read from ({@code version}: the upload and the bulk tables' change count, {@code roster.CurrentRoster}),
 * so that the same run's load takes them instead of reading the county again, when nothing they came from has
 * changed since ({@link MatchedRecords#ifCurrent}).
 */
public record CountyRoster(String county, String version, List<RosterRow> rows) {

	public CountyRoster {
		rows = List.copyOf(rows);
	}
}
