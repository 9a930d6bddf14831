package cn.doudi.matching;

import static cn.doudi.matching.CheckData.ZM;
import static cn.doudi.matching.CheckData.ZY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.doudi.matching.checks.CheckReader;
import cn.doudi.matching.roster.RosterLoader;
import cn.doudi.matching.roster.RosterRecords;
import cn.doudi.support.DoudiIntegrationTest;

/**
 * The cross-county lookups by key (README "Province speed"): a person, a household or an account on two
 * counties' rosters is found from either county, with the other county's whole household, and never
 * through a row of an upload that is no longer its county's current one.
 */
@DoudiIntegrationTest
class CrossCountyLookupIntegrationTests extends CheckTestSupport {

	static final String ZHANG = CheckData.id(ZM, "1940-02-03", 209);
	static final String WIFE = CheckData.id(ZM, "1942-05-06", 210);
	static final String XU = CheckData.id(ZM, "1966-01-02", 935);
	static final String LI = CheckData.id(ZY, "1968-03-04", 254);
	static final String ELDER = CheckData.id(ZY, "1941-07-08", 301);
	static final String ACCOUNT = "6217000010002008959";

	@Autowired
	RosterLoader loader;

	@Autowired
	MatchedRecords matched;

	@Test
	void aPersonOnTwoCountiesRostersBringsTheOtherCountysWholeHouseholdEitherWay() {
		// 张跃进 is on ZM's DIBAO household D1 (with his wife) and on ZY's ELDERLY roster (E1)
		data.row("410122201001", "D1", ZHANG, "张跃进", "户主", "DIBAO_RURAL", "2018-06")
			.row("410122201001", "D1", WIFE, "王秀兰", "配偶", "DIBAO_RURAL", "2018-06")
			.row("410102001001", "E1", ZHANG, "张跃进", "户主", "ELDERLY", "2026-08")
			.row("410102001001", "E2", LI, "李桂兰", "户主", "ELDERLY", "2024-01");
		// an earlier upload of ZM listed him in another household: not current, never read
		staleRow(ZM, "OLD1", ZHANG);

		assertThat(rows(ZY)).containsExactly("410102:E1:" + ZHANG + ":ELDERLY", "410102:E2:" + LI + ":ELDERLY",
				"410122:D1:" + ZHANG + ":DIBAO_RURAL", "410122:D1:" + WIFE + ":DIBAO_RURAL");
		assertThat(rows(ZM)).containsExactly("410102:E1:" + ZHANG + ":ELDERLY", "410122:D1:" + ZHANG + ":DIBAO_RURAL",
				"410122:D1:" + WIFE + ":DIBAO_RURAL");

		check(ZY, OCT);
		check(ZM, OCT);
		// DIBAO_RURAL and ELDERLY do not exclude each other: the two reads found each other's rows, nothing held
		assertThat(findings("EXCLUSIVE_PROGRAMS")).isEmpty();
	}

	@Test
	void aPersonInExcludingProgramsOfTwoCountiesIsHeldInTheLaterCountyWhicheverRunsFirst() {
		data.row("410122201001", "D1", ZHANG, "张跃进", "户主", "DIBAO_RURAL", "2018-06")
			.row("410102001001", "T1", ZHANG, "张跃进", "户主", "TEKUN", "2026-08");
		staleRow(ZY, "OLD1", ZHANG);

		check(ZM, OCT);
		assertThat(findings("EXCLUSIVE_PROGRAMS")).isEmpty(); // ZM's enrollment is the earlier one

		check(ZY, OCT);
		assertThat(findings("EXCLUSIVE_PROGRAMS")).containsExactly("EXCLUSIVE_PROGRAMS:" + ZHANG + ":410102:TEKUN:T1:OPEN");
	}

	@Test
	void aHouseholdListedInTwoCountiesIsReadWholeFromEither() {
		data.row("410122201001", "H1", XU, "徐万年", "户主", "DIBAO_RURAL", "2024-01")
			.row("410102001001", "H1", LI, "李桂兰", "户主", "ELDERLY", "2024-01");
		staleRow(ZY, "H1", ZHANG);

		List<String> read = describe(loader.loadHouseholds(List.of("H1")));

		assertThat(read).containsExactly("410102:H1:" + LI + ":ELDERLY", "410122:H1:" + XU + ":DIBAO_RURAL");
		assertThat(rows(ZY)).isEqualTo(read);
		assertThat(rows(ZM)).isEqualTo(read);
	}

	@Test
	void anAccountSharedAcrossCountiesIsFoundInBothDirections() {
		data.row("410122201001", "D1", XU, "徐万年", "户主", "DIBAO_RURAL", "2024-01", null, ACCOUNT)
			.row("410102001001", "E1", ELDER, "杨桂英", "户主", "ELDERLY", "2024-01", null, ACCOUNT);
		// an earlier upload paid a third household into it: no longer current, so not a third household
		staleRow(ZY, "OLD1", ZHANG);
		jdbc.update("update beneficiary set account_number = ? where household_id = 'OLD1'", ACCOUNT);

		check(ZY, OCT);
		check(ZM, OCT);

		assertThat(findings("SHARED_ACCOUNT")).containsExactlyInAnyOrder(
				"SHARED_ACCOUNT:" + ELDER + ":410102:ELDERLY:E1:OPEN", "SHARED_ACCOUNT:" + XU + ":410122:DIBAO_RURAL:D1:OPEN");
		assertThat(detail("SHARED_ACCOUNT", ELDER)).contains("同时为2户（D1、E1）");
	}

	@Test
	void theNeighboursOfACountyAreTheOtherCountiesHouseholdsHoldingItsPeople() {
		// 张跃进 of ZM's D1 is also on ZY's E1; 李桂兰 (ZY only) brings nobody; an earlier upload of ZY listed 徐万年
		// of ZM in OLD1: not current, so ZY is no neighbour of ZM through him
		data.row("410122201001", "D1", ZHANG, "张跃进", "户主", "DIBAO_RURAL", "2018-06")
			.row("410122201001", "D1", WIFE, "王秀兰", "配偶", "DIBAO_RURAL", "2018-06")
			.row("410122201001", "D2", XU, "徐万年", "户主", "DIBAO_RURAL", "2020-01")
			.row("410102001001", "E1", ZHANG, "张跃进", "户主", "ELDERLY", "2026-08")
			.row("410102001001", "E2", LI, "李桂兰", "户主", "ELDERLY", "2024-01");
		staleRow(ZY, "OLD1", XU);

		assertThat(matched.householdsSharingPeople(ZM)).isEqualTo(java.util.Map.of(ZY, List.of("E1")));
		assertThat(matched.householdsSharingPeople(ZY)).isEqualTo(java.util.Map.of(ZM, List.of("D1")));
		// the same answer as the whole-roster join it replaced
		for (String county : List.of(ZM, ZY)) {
			java.util.Map<String, List<String>> joined = new java.util.TreeMap<>();
			jdbc.query("""
					select distinct o.county, o.household_id from current_beneficiary o
					join (select distinct c.id_number from current_beneficiary c where c.county = ?) c on c.id_number = o.id_number
					where o.county <> ? order by o.county, o.household_id
					""", rs -> {
				joined.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
			}, county, county);
			assertThat(matched.householdsSharingPeople(county)).isEqualTo(joined);
		}
	}

	/** A row of an upload that is not the county's current snapshot (import 0: no {@code snapshot} names it). */
	private void staleRow(String county, String household, String id) {
		jdbc.update("""
				insert into beneficiary (import_id, file_no, row_no, county, region_code, household_id, id_number, name,
				  relation, program, start_month, bank, account_number, account_name)
				values (0, 1, 1, ?, ?, ?, ?, '旧名', '户主', 'ELDERLY', '2020-01', 'ICBC', '6222020000000000001', '旧名')
				""", county, county + "001001", household, id);
	}

	/** {@code county:household:id:program} of the rows {@link CheckReader#roster()} reads for the county. */
	private List<String> rows(String county) {
		return describe(new CheckReader(county, new TreeSet<>(List.of(OCT)), jdbc, loader, matched).roster());
	}

	private static List<String> describe(RosterRecords records) {
		return records.rows().stream()
			.map(r -> r.county() + ":" + r.householdId() + ":" + r.idNumber() + ":" + r.program())
			.toList();
	}
}
