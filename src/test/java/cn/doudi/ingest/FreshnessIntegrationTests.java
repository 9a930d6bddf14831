package cn.doudi.ingest;

import static cn.doudi.ingest.Fixtures.csv;
import static cn.doudi.ingest.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;

/** When each source last arrived, and which of deaths / economic month-end must call stale (35 days by default). */
@DoudiIntegrationTest
class FreshnessIntegrationTests {

	@Autowired
	RosterImports imports;

	@Autowired
	Freshness freshness;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path dir;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(jdbc);
		Fixtures.users(jdbc);
	}

	@Test
	void lastArrivalsCountCommittedImportsOnly() throws Exception {
		Path deaths = csv(dir, "d.csv", "身份证号,姓名,死亡日期", id("410102", "19400101", 1) + ",甲,2026-10-01");
		ImportOutcome first = imports.importFiles(Source.DEATHS, List.of(deaths), ImportOptions.by("op1"));
		jdbc.update("update import_batch set finished_at = timestamptz '2026-09-01 10:00+08' where id = ?", first.importId());
		Path bad = csv(dir, "bad.csv", "身份证号,姓名,死亡日期", id("410102", "19400101", 2) + ",乙,not a date");
		assertThat(imports.importFiles(Source.DEATHS, List.of(bad), ImportOptions.by("op1")).status())
			.isEqualTo(ImportOutcome.Status.REJECTED);
		assertThat(imports.importFiles(Source.DEATHS, List.of(deaths), ImportOptions.by("op1")).duplicate()).isTrue();

		assertThat(imports.lastArrivals()).containsOnlyKeys(Source.DEATHS)
			.containsEntry(Source.DEATHS, Instant.parse("2026-09-01T02:00:00Z"));
	}

	@Test
	void deathsOrEconomicOlderThan35DaysAreStale() throws Exception {
		Instant now = Instant.parse("2026-11-25T02:00:00Z");
		assertThat(freshness.staleSources(now)).extracting(StaleSource::source).containsExactly(Source.DEATHS, Source.ECONOMIC);
		assertThat(freshness.staleSources(now).get(1).warning()).isEqualTo(
				"注意：家庭经济状况核对结果（economic）从未导入，本月未能据此核对（应退尽退依赖及时的数据）");

		Path deaths = csv(dir, "d.csv", "身份证号,姓名,死亡日期", id("410102", "19400101", 1) + ",甲,2026-10-01");
		long importId = imports.importFiles(Source.DEATHS, List.of(deaths), ImportOptions.by("op1")).importId();
		Path economic = csv(dir, "e.csv", "户编号,身份证号,姓名,核对月份,家庭月收入,机动车数量,房产套数,工商登记,财政供养人员",
				"H1," + id("410102", "19600101", 1) + ",甲,2026-10,800.00,0,1,否,否");
		imports.importFiles(Source.ECONOMIC, List.of(economic), ImportOptions.by("op1"));
		jdbc.update("update import_batch set finished_at = ? where source = 'economic'", java.sql.Timestamp.from(now.minus(Duration.ofDays(3))));

		// 35 days exactly: still fresh; 36 days: stale, and named
		jdbc.update("update import_batch set finished_at = ? where id = ?", java.sql.Timestamp.from(now.minus(Duration.ofDays(35))), importId);
		assertThat(freshness.staleSources(now)).isEmpty();
		jdbc.update("update import_batch set finished_at = ? where id = ?", java.sql.Timestamp.from(now.minus(Duration.ofDays(36))), importId);
		assertThat(freshness.staleSources(now)).singleElement().satisfies(s -> {
			assertThat(s.source()).isEqualTo(Source.DEATHS);
			assertThat(s.age()).isEqualTo(Duration.ofDays(36));
			assertThat(s.warning()).isEqualTo("注意：死亡/火化信息（deaths）最近一次导入在 2026-10-20，已 36 天未更新（超过 35 天），本月核对可能遗漏新近的变化");
		});
	}
}
