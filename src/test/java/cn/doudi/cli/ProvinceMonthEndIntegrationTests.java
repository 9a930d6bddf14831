package cn.doudi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.ingest.RosterImports;
import cn.doudi.sampledata.ProvinceGenerator;
import cn.doudi.sampledata.ProvinceSet;
import cn.doudi.support.Commands;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;
import cn.doudi.support.TestData;

/**
 * A small province (5 河南 counties) imports cleanly through the bench's import path (its BRIN ranges summarised
 * by the import itself) and one {@code month-end} runs every county: a run and lines for each, its bank files,
 * and each county's planted death found.
 */
@DoudiIntegrationTest
class ProvinceMonthEndIntegrationTests {

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RosterImports imports;

	@TempDir
	Path tmp;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(jdbc);
		new TestData(jdbc).user("admin1", "ADMIN", null).user("op1", "OPERATOR", null).user("fin1", "FINANCE", null);
	}

	@Test
	void everyCountyOfTheProvinceImportsAndRunsItsMonth() throws Exception {
		// given
		ProvinceSet set = new ProvinceGenerator().generate(tmp.resolve("province"), 11L, ProvinceGenerator.HENAN, 5, 150);
		YearMonth month = SampleImport.firstMonth(imports, set.folder(), "admin1", "op1");
		assertThat(month).isEqualTo(YearMonth.of(2026, 10));
		assertThat(jdbc.queryForList("select distinct county from current_beneficiary order by 1", String.class))
			.containsExactlyElementsOf(set.counties());
		assertThat(jdbc.queryForObject("select count(*) from import_rejection", Long.class)).isZero();
		assertThat(jdbc.queryForObject("select count(distinct id_number) from current_beneficiary", Long.class))
			.isEqualTo(set.persons());
		// each import left its block ranges summarised (the BRIN indexes do not autosummarise): a county's
		// snapshot is read through its own ranges from the first query on, whoever queries first
		assertThat(jdbc.queryForList("""
				select brin_summarize_new_values(i.indexrelid) from pg_index i
				join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam where a.amname = 'brin'""",
				Integer.class)).isNotEmpty().containsOnly(0);

		// when
		Path out = tmp.resolve("2026-10");
		assertThat(Commands.run(context, "month-end", "--month=2026-10", "--out=" + out, "--user=fin1")).isZero();

		// then
		assertThat(jdbc.queryForList("select county from payroll_run where month = '2026-10' order by county", String.class))
			.containsExactlyElementsOf(set.counties());
		assertThat(jdbc.queryForList("""
				select r.county from payroll_run r where exists (select 1 from payment_line l where l.run_id = r.id)
				order by r.county""", String.class)).containsExactlyElementsOf(set.counties());
		assertThat(jdbc.queryForList(
				"select distinct county from finding where code = 'DECEASED' order by county", String.class))
			.containsExactlyElementsOf(set.counties());
		List<String> bank;
		try (Stream<Path> s = Files.list(out.resolve("bank"))) {
			bank = s.map(p -> p.getFileName().toString()).toList();
		}
		for (String county : set.counties()) {
			assertThat(bank).anyMatch(name -> name.equals("DRAFT-" + county + "-202610.pain.001.xml"));
		}
	}
}
