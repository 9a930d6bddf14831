package cn.doudi.matching.roster;

import static cn.doudi.matching.CheckData.ZM;
import static cn.doudi.matching.CheckData.ZY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.doudi.allowance.RosterRow;
import cn.doudi.matching.CheckData;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;

/**
 * {@link RosterLoader#loadPeopleOf}: every household holding a person of the county's roster, in any county — the
 * same rows in the same order as probing the copy by every ID and every household ({@link RosterLoader#load}),
 * whether it probes only the keys other counties share (an exact copy) or every key (a copy older than the data).
 */
@DoudiIntegrationTest
class RosterLoaderIntegrationTests {

	static final String ZHANG = CheckData.id(ZM, "1940-02-03", 209);
	static final String WIFE = CheckData.id(ZM, "1942-05-06", 210);
	static final String XU = CheckData.id(ZM, "1966-01-02", 935);
	static final String SUN = CheckData.id(ZM, "1971-11-12", 418);
	static final String LI = CheckData.id(ZY, "1968-03-04", 254);
	static final String WANG = CheckData.id(ZY, "1950-07-08", 371);
	static final String ZHAO = CheckData.id(ZY, "1955-09-10", 482);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RosterLoader loader;

	@Autowired
	RosterCopy copy;

	@Autowired
	PlatformTransactionManager transactions;

	CheckData data;

	@BeforeEach
	void twoCountiesSharingPeopleAndAHousehold() {
		DatabaseCleaner.clean(jdbc);
		data = new CheckData(jdbc).counties(ZY, ZM)
			// ZY: 张跃进 also on ZM's roster (household D1 of ZM: his wife comes with it); household S1 is listed by
			// both counties (an institution's collective household), with 孙 only in ZM's rows of it
			.row("410102001001", "E1", ZHANG, "张跃进", "户主", "ELDERLY", "2026-08")
			.row("410102001001", "H2", WANG, "王建国", "户主", "ELDERLY", "2024-01")
			.row("410102001001", "H1", LI, "李桂兰", "户主", "ELDERLY", "2024-01")
			.row("410102001001", "S1", ZHAO, "赵德明", "其他", "TEKUN", "2023-05")
			.row("410122201001", "D1", ZHANG, "张跃进", "户主", "DIBAO_RURAL", "2018-06")
			.row("410122201001", "D1", WIFE, "王秀兰", "配偶", "DIBAO_RURAL", "2018-06")
			.row("410122201001", "H1", XU, "徐万年", "户主", "DIBAO_RURAL", "2024-01")
			.row("410122201001", "S1", SUN, "孙玉芬", "其他", "TEKUN", "2023-05");
	}

	@Test
	void anExactCopyIsProbedOnlyForSharedKeysAndGivesWhatProbingEveryKeyGives() {
		assertThat(copy.refresh()).isTrue();
		assertThat(jdbc.queryForList("select id_number from roster_shared_id", String.class)).containsExactly(ZHANG);
		assertThat(jdbc.queryForList("select household_id from roster_shared_household order by 1", String.class))
			.containsExactly("H1", "S1");

		for (String county : List.of(ZY, ZM)) {
			RosterRecords expected = everyKey(county);
			RosterRecords read = loader.loadPeopleOf(county);
			assertThat(read.rows()).isEqualTo(expected.rows());
			assertThat(read.rows().stream().map(RosterRow::householdId).distinct().sorted().toList())
				.isEqualTo(expected.rows().stream().map(RosterRow::householdId).distinct().sorted().toList());
		}
		assertThat(loader.loadPeopleOf(ZY).rows()).extracting(r -> r.county() + ":" + r.householdId() + ":" + r.name())
			.containsExactly("410102:E1:张跃进", "410102:H1:李桂兰", "410102:H2:王建国", "410102:S1:赵德明",
					"410122:D1:张跃进", "410122:D1:王秀兰", "410122:H1:徐万年", "410122:S1:孙玉芬");
	}

	@Test
	void aCopyOlderThanTheDataIsProbedForEveryKey() {
		assertThat(copy.refresh()).isTrue();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			assertThat(everyKey(ZY).rows()).hasSize(8); // this transaction read the copy: no rebuild until it ends
			// 王秀兰 written into ZY's current upload (not what ingest does): ZY's own rows have her, the copy not yet
			CompletableFuture.runAsync(() -> data.row("410102001001", "H2", WIFE, "王秀兰", "配偶", "ELDERLY", "2026-08"))
				.join();
			assertThat(copy.refresh()).isFalse();

			RosterRecords read = loader.loadPeopleOf(ZY);
			assertThat(read.rows()).isEqualTo(everyKey(ZY).rows()).hasSize(8);
		});
		assertThat(loader.loadPeopleOf(ZY).rows()).hasSize(9) // rebuilt: her row in ZY too
			.isEqualTo(everyKey(ZY).rows());
	}

	/** What the checks read before {@link RosterLoader#loadPeopleOf}: a probe per ID, then per household. */
	private RosterRecords everyKey(String county) {
		return loader.load("select b.household_id from " + CurrentRoster.rowsOf("id_number",
				"select distinct c.id_number from current_beneficiary c where c.county = ?"), county);
	}
}
