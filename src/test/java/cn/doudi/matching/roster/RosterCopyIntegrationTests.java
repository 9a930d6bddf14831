package cn.doudi.matching.roster;

import static cn.doudi.matching.CheckData.ZM;
import static cn.doudi.matching.CheckData.ZY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import cn.doudi.matching.CheckData;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;

/**
 * The copy of the current rows behind {@link CurrentRoster}'s keyed lookups ({@link RosterCopy}): the same
 * rows whether the copy is missing, up to date, or older than the snapshots — only where they are read from
 * differs.
 */
@DoudiIntegrationTest
class RosterCopyIntegrationTests {

	static final String ZHANG = CheckData.id(ZM, "1940-02-03", 209);
	static final String WIFE = CheckData.id(ZM, "1942-05-06", 210);
	static final String XU = CheckData.id(ZM, "1966-01-02", 935);
	static final String LI = CheckData.id(ZY, "1968-03-04", 254);
	static final String ACCOUNT = "6217000010002008959";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RosterCopy copy;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DataSource dataSource;

	CheckData data;

	@BeforeEach
	void twoCountiesSharingAPersonAHouseholdAndAnAccount() {
		DatabaseCleaner.clean(jdbc);
		data = new CheckData(jdbc).counties(ZY, ZM)
			.row("410122201001", "D1", ZHANG, "张跃进", "户主", "DIBAO_RURAL", "2018-06")
			.row("410122201001", "D1", WIFE, "王秀兰", "配偶", "DIBAO_RURAL", "2018-06")
			.row("410122201001", "H1", XU, "徐万年", "户主", "DIBAO_RURAL", "2024-01", null, ACCOUNT)
			.row("410102001001", "E1", ZHANG, "张跃进", "户主", "ELDERLY", "2026-08")
			.row("410102001001", "H1", LI, "李桂兰", "户主", "ELDERLY", "2024-01", null, ACCOUNT)
			.certificate(ZHANG, "张跃进", 4, 1, true)
			.certificate(LI, "李桂兰", 1, 2, false)
			.poverty("410102001001", "P1", ZHANG, "张跃进", "未脱贫人口");
	}

	@Test
	void everyLookupFindsTheSameRowsBeforeTheCopyIsBuiltAndAfter() {
		List<String> before = lookups(ZY);
		List<String> beforeZm = lookups(ZM);
		assertThat(jdbc.queryForObject("select count(*) from roster_cover", Integer.class)).isZero();
		assertThat(before).containsExactly(
				"people:410102:E1:" + ZHANG, "people:410102:H1:" + LI, "people:410122:D1:" + ZHANG,
				"households:410102:E1:" + ZHANG, "households:410102:H1:" + LI, "households:410122:H1:" + XU,
				"accounts:410102:H1:" + LI, "accounts:410122:H1:" + XU,
				"certificates:" + LI + ":false", "certificates:" + ZHANG + ":true",
				"poverty:410102:" + ZHANG,
				"on a roster:110101199001011234:false", "on a roster:" + XU + ":true");

		assertThat(copy.refresh()).isTrue();

		// two beneficiary counties, the disability upload and one poverty county
		assertThat(jdbc.queryForObject("select count(*) from roster_cover", Integer.class)).isEqualTo(4);
		assertThat(jdbc.queryForObject("select count(*) from roster_beneficiary", Integer.class)).isEqualTo(5);
		assertThat(lookups(ZY)).isEqualTo(before);
		assertThat(lookups(ZM)).isEqualTo(beforeZm);
		assertThat(copy.refresh()).isTrue(); // up to date: nothing rebuilt
	}

	@Test
	void anUploadMadeCurrentAfterTheBuildIsReadFromItsSnapshotUntilTheCopyIsRebuilt() {
		assertThat(copy.refresh()).isTrue();
		newUploadOfZy(); // the copy still holds ZY's old rows

		List<String> expected = List.of("people:410102:E1:" + ZHANG, "people:410102:E1:" + XU,
				"people:410122:D1:" + ZHANG, "people:410122:H1:" + XU,
				"households:410102:E1:" + ZHANG, "households:410102:E1:" + XU,
				"certificates:" + ZHANG + ":true", "poverty:410102:" + ZHANG,
				"on a roster:110101199001011234:false", "on a roster:" + XU + ":true");
		assertThat(lookups(ZY)).isEqualTo(expected);

		assertThat(copy.refresh()).isTrue();
		assertThat(jdbc.queryForList("select household_id || ':' || id_number from roster_beneficiary where county = ?"
				+ " order by 1", String.class, ZY)).containsExactly("E1:" + ZHANG, "E1:" + XU);
		assertThat(lookups(ZY)).isEqualTo(expected);
	}

	@Test
	void aRowWrittenIntoACurrentUploadAfterTheBuildIsInTheCopyAtItsNextRefresh() {
		assertThat(copy.refresh()).isTrue();
		data.row("410102001001", "E1", WIFE, "王秀兰", "其他", "ELDERLY", "2026-08"); // not what ingest does

		assertThat(copy.refresh()).isTrue();
		assertThat(jdbc.queryForList("select household_id from roster_beneficiary where id_number = ? order by 1",
				String.class, WIFE)).containsExactly("D1", "E1");
		assertThat(lookups(ZY)).contains("people:410102:E1:" + WIFE, "people:410122:D1:" + WIFE);
	}

	@Test
	void aTransactionThatReadTheCopyGoesOnWithoutRebuildingIt() {
		assertThat(copy.refresh()).isTrue();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			assertThat(lookups(ZY)).contains("people:410102:H1:" + LI);
			CompletableFuture.runAsync(this::newUploadOfZy).join();
			// a rebuild would wait for this transaction to end: not attempted, ZY's new upload read from its snapshot
			assertThat(copy.refresh()).isFalse();
			assertThat(lookups(ZY)).contains("people:410102:E1:" + XU).doesNotContain("people:410102:H1:" + LI);
		});
		assertThat(copy.refresh()).isTrue();
		assertThat(jdbc.queryForObject("select count(*) from roster_beneficiary where county = ?", Integer.class, ZY))
			.isEqualTo(2);
	}

	@Test
	void theBuiltCopyIsAnalyzedWithTheBuildsOwnRowsCountedBefore() throws Exception {
		assertThat(copy.refresh()).isTrue();
		// every pooled connection closed: their backends send the counts they still held (PostgreSQL sends a
		// backend's counts at most once a second, else when it ends): the build's too, if it had not sent them
		dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
		for (int i = 0; i < 50 && otherBackends() > 0; i++) {
			Thread.sleep(100);
		}

		// analyzed after the build's inserts were counted: five rows, none changed since (not stale for the next
		// month-end's TableStatistics.refresh); counted after it, they read ten rows and five changed
		assertThat(jdbc.queryForMap("""
				select n_live_tup, n_mod_since_analyze, last_analyze is not null as analyzed from pg_stat_user_tables
				where relname = 'roster_beneficiary' and schemaname = current_schema()"""))
			.isEqualTo(Map.of("n_live_tup", 5L, "n_mod_since_analyze", 0L, "analyzed", true));
	}

	private int otherBackends() {
		return jdbc.queryForObject("""
				select count(*) from pg_stat_activity
				where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'""",
				Integer.class);
	}

	/** ZY's next upload, made current: 李桂兰 left, 徐万年 joined 张跃进's E1. */
	private void newUploadOfZy() {
		long next = jdbc.queryForObject("""
				insert into import_batch (source, content_hash, file_names, status, imported_by, started_at)
				values ('beneficiaries', repeat('9', 64), 'zy.csv', 'COMMITTED', 'test', now()) returning id
				""", Long.class);
		for (String[] r : List.of(new String[] { ZHANG, "张跃进", "户主" }, new String[] { XU, "徐万年", "其他" })) {
			jdbc.update("""
					insert into beneficiary (import_id, file_no, row_no, county, region_code, household_id, id_number, name,
					  relation, program, start_month, bank, account_number, account_name)
					values (?, 1, nextval('test_row_no'), ?, '410102001001', 'E1', ?, ?, ?, 'ELDERLY', '2026-08', 'ICBC',
					  '62220200' || substr(?, 8, 10), ?)
					""", next, ZY, r[0], r[1], r[2], r[0], r[1]);
		}
		jdbc.update("update snapshot set import_id = ? where source = 'beneficiaries' and county = ?", next, ZY);
	}

	/** Each keyed lookup with the county's keys: {@code kind:county:household:id}, sorted. */
	private List<String> lookups(String county) {
		List<String> out = new java.util.ArrayList<>();
		String people = "select distinct c.id_number from current_beneficiary c where c.county = ?";
		out.addAll(jdbc.queryForList("select 'people:' || s.county || ':' || b.household_id || ':' || b.id_number from "
				+ CurrentRoster.rowsOf("id_number", people) + " order by 1", String.class, county));
		out.addAll(jdbc.queryForList("select 'households:' || s.county || ':' || b.household_id || ':' || b.id_number from "
				+ CurrentRoster.rowsOf("household_id", "select distinct c.household_id from current_beneficiary c where c.county = ?")
				+ " order by 1", String.class, county));
		out.addAll(jdbc.queryForList("select 'accounts:' || s.county || ':' || b.household_id || ':' || b.id_number from "
				+ CurrentRoster.rowsOf("account_number", "select distinct c.account_number from current_beneficiary c"
						+ " where c.county = ? and c.account_number = '" + ACCOUNT + "'")
				+ " order by 1", String.class, county));
		out.addAll(jdbc.queryForList("select 'certificates:' || d.id_number || ':' || d.valid from "
				+ CurrentRoster.certificatesOf(people) + " order by 1", String.class, county));
		out.addAll(jdbc.queryForList("select 'poverty:' || s.county || ':' || p.id_number from "
				+ CurrentRoster.povertyOf(people) + " order by 1", String.class, county));
		out.addAll(jdbc.queryForList("select 'on a roster:' || k.id || ':' || (b.hit is not null) from (values (?::char(18)),"
				+ " ('110101199001011234'::char(18))) k(id) " + CurrentRoster.anyRow("x.id_number = k.id", "b") + " order by 1",
				String.class, XU));
		return out;
	}
}
