package cn.doudi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;

/**
 * {@code sample-data/bad/beneficiaries-410102-bad.xlsx} (sample-data/README.md, "bad/"): exactly the
 * five rejects the README lists, nothing imported without accept-valid-rows; with it, the valid
 * household of two and the valid TEKUN row. The file is copied first, so that its error report is
 * written beside the copy, never into sample-data.
 */
@DoudiIntegrationTest
class BadSampleFileIntegrationTests {

	static final Path BAD = Path.of("sample-data", "bad", "beneficiaries-410102-bad.xlsx");

	/** The README's table: 行号, 列, 原因 (our reasons go on with details after these words). */
	static final List<String[]> EXPECTED = List.of(new String[] { "5", "身份证号", "身份证号被存为数字，末位已丢失" },
			new String[] { "6", "身份证号", "身份证号校验位错误（按前17位应为8）" }, new String[] { "7", "与户主关系", "户主缺失" },
			new String[] { "8", "与户主关系", "户主缺失" }, new String[] { "9", "银行账号", "银行账号被存为数字，末位已丢失" },
			new String[] { "10", "账户名", "账户名含竖线“|”（银行代发文件的分隔符）" }, new String[] { "11", "姓名", "姓名含换行" });

	@Autowired
	RosterImports imports;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path dir;

	Path file;

	@BeforeEach
	void copyTheFile() throws IOException {
		DatabaseCleaner.clean(jdbc);
		Fixtures.users(jdbc);
		assertThat(BAD).as("run from the project folder").isRegularFile();
		file = Files.copy(BAD, dir.resolve(BAD.getFileName()));
	}

	@Test
	void rejectsExactlyTheRowsTheReadmeListsAndImportsNothing() throws Exception {
		ImportOutcome o = imports.importFiles(Source.BENEFICIARIES, List.of(file), ImportOptions.by("op1"));

		assertThat(o.status()).isEqualTo(ImportOutcome.Status.REJECTED);
		assertThat(o.rowsRejected()).isEqualTo(EXPECTED.size());
		// nothing imported: no row is current, the staged rows are gone, no snapshot points at the import
		assertThat(jdbc.queryForObject("select count(*) from current_beneficiary", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from beneficiary", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from snapshot", Integer.class)).isZero();

		List<String[]> recorded = jdbc.query("""
				select row_no, column_name, reason from import_rejection where import_id = ? order by row_no, id""",
				(rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }, o.importId());
		assertRejects(recorded);
		assertRejects(o.problems().stream()
			.sorted(java.util.Comparator.comparingInt(ImportProblem::row))
			.map(p -> new String[] { Integer.toString(p.row()), p.column(), p.reason() })
			.toList());
		assertThat(o.problems()).allMatch(p -> p.file().equals("beneficiaries-410102-bad.xlsx"));

		Path report = dir.resolve("beneficiaries-410102-bad.xlsx.errors.xlsx");
		assertThat(o.errorReports()).containsExactly(report);
		List<String[]> lines = reportLines(report);
		assertThat(lines.get(0)).containsExactly("行号", "列", "值", "原因");
		assertRejects(lines.subList(1, lines.size()).stream().map(l -> new String[] { l[0], l[1], l[3] }).toList());
	}

	@Test
	void withAcceptValidRowsImportsTheValidHouseholdOfTwoAndTheTekunRow() {
		ImportOutcome o = imports.importFiles(Source.BENEFICIARIES, List.of(file),
				ImportOptions.by("op1").acceptingValidRows());

		assertThat(o.status()).isEqualTo(ImportOutcome.Status.COMMITTED);
		assertThat(o.rowsAccepted()).isEqualTo(3);
		assertThat(o.rowsRejected()).isEqualTo(EXPECTED.size());
		assertThat(jdbc.queryForList("select program || ':' || relation from current_beneficiary order by row_no", String.class))
			.containsExactly("DIBAO_URBAN:户主", "DIBAO_URBAN:配偶", "TEKUN:户主");
		assertThat(jdbc.queryForObject("select count(distinct household_id) from current_beneficiary where program = 'DIBAO_URBAN'",
				Integer.class)).isEqualTo(1);
	}

	static void assertRejects(List<String[]> actual) {
		assertThat(actual).hasSize(EXPECTED.size());
		for (int i = 0; i < EXPECTED.size(); i++) {
			String[] e = EXPECTED.get(i);
			String[] a = actual.get(i);
			assertThat(a[0]).as("row of reject %d", i + 1).isEqualTo(e[0]);
			assertThat(a[1]).as("column of row %s", e[0]).isEqualTo(e[1]);
			assertThat(a[2]).as("reason of row %s", e[0]).startsWith(e[2]);
		}
	}

	static List<String[]> reportLines(Path report) throws IOException {
		List<String[]> lines = new ArrayList<>();
		try (ReadableWorkbook wb = new ReadableWorkbook(report.toFile()); var rows = wb.getFirstSheet().openStream()) {
			for (Row r : (Iterable<Row>) rows::iterator) {
				String[] cells = new String[4];
				for (int c = 0; c < 4; c++) {
					var cell = r.getCell(c);
					String t = cell == null ? "" : cell.getText();
					cells[c] = t.endsWith(".0") ? t.substring(0, t.length() - 2) : t;
				}
				lines.add(cells);
			}
		}
		return lines;
	}
}
