package cn.doudi.ingest;

import static cn.doudi.ingest.Fixtures.BENEFICIARY_HEADER;
import static cn.doudi.ingest.Fixtures.csv;
import static cn.doudi.ingest.Fixtures.dibao;
import static cn.doudi.ingest.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;

@DoudiIntegrationTest
class BeneficiaryImportIntegrationTests {

	@Autowired
	RosterImports imports;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path dir;

	final String head = id("410102", "19500101", 11);
	final String wife = id("410102", "19520202", 22);
	final String child = id("410102", "20150303", 31);

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(jdbc);
		Fixtures.users(jdbc);
	}

	@Test
	void importsAValidRosterAndRecognisesTheSameContentAgain() throws Exception {
		Path file = csv(dir, "roster.csv", BENEFICIARY_HEADER, dibao("H1", head, "张三", "户主", "900"),
				dibao("H1", wife, "李四", "配偶", "900"), dibao("H1", child, "张小", "子女", "900"));

		ImportOutcome first = imports.importFiles(Source.BENEFICIARIES, List.of(file), ImportOptions.by("tester"));

		assertThat(first.status()).isEqualTo(ImportOutcome.Status.COMMITTED);
		assertThat(first.rowsAccepted()).isEqualTo(3);
		assertThat(first.counties()).containsExactly("410102");
		assertThat(jdbc.queryForList("select relation from current_beneficiary order by row_no", String.class))
			.containsExactly("户主", "配偶", "子女");
		assertThat(jdbc.queryForObject("select household_income from current_beneficiary where row_no = 2",
				java.math.BigDecimal.class)).isEqualByComparingTo("900.00");
		String audit = jdbc.queryForObject("select detail from audit_event where action = 'IMPORT'", String.class);
		assertThat(audit).contains("accepted=3").doesNotContain(head);

		ImportOutcome again = imports.importFiles(Source.BENEFICIARIES, List.of(file), ImportOptions.by("tester"));

		assertThat(again.duplicate()).isTrue();
		assertThat(again.importId()).isEqualTo(first.importId());
		assertThat(jdbc.queryForObject("select count(*) from import_batch", Integer.class)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from beneficiary", Integer.class)).isEqualTo(3);
	}

	@Test
	void rejectsTheWholeFileWithAReportUnlessValidRowsAreAccepted() throws Exception {
		Path file = csv(dir, "roster.csv", BENEFICIARY_HEADER, dibao("H1", head, "张三", "户主", "900"),
				dibao("H2", Fixtures.badCheck(wife), "李四", "户主", "500"));

		ImportOutcome rejected = imports.importFiles(Source.BENEFICIARIES, List.of(file), ImportOptions.by("tester"));

		assertThat(rejected.status()).isEqualTo(ImportOutcome.Status.REJECTED);
		assertThat(rejected.rowsRejected()).isEqualTo(1);
		assertThat(rejected.problems()).singleElement().satisfies(p -> {
			assertThat(p.row()).isEqualTo(3);
			assertThat(p.column()).isEqualTo("身份证号");
			assertThat(p.reason()).contains("校验位");
		});
		assertThat(rejected.errorReports()).containsExactly(dir.resolve("roster.csv.errors.xlsx").toAbsolutePath());
		assertThat(Files.exists(rejected.errorReports().get(0))).isTrue();
		assertThat(jdbc.queryForObject("select count(*) from beneficiary", Integer.class)).isZero();

		ImportOutcome accepted = imports.importFiles(Source.BENEFICIARIES, List.of(file),
				ImportOptions.by("tester").acceptingValidRows());

		assertThat(accepted.status()).isEqualTo(ImportOutcome.Status.COMMITTED);
		assertThat(accepted.rowsAccepted()).isEqualTo(1);
		assertThat(accepted.rowsRejected()).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from current_beneficiary", Integer.class)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from import_rejection where import_id = ?", Integer.class,
				accepted.importId())).isEqualTo(1);
	}
}
