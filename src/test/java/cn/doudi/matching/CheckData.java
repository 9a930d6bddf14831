package cn.doudi.matching;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.identity.IdNumber;
import cn.doudi.support.TestData;

/**
 * Rows for the checks' tests, straight into the snapshot tables under one COMMITTED upload: roster rows
 * with a chosen account, deaths (valid or flagged IDs), certificates, poverty, marriages, economic
 * results, standards and runs.
 */
public final class CheckData {

	public static final String ZY = "410102";
	public static final String ZM = "410122";

	private final JdbcTemplate jdbc;
	private final long importId;
	private final TestData data;

	public CheckData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.data = new TestData(jdbc);
		this.importId = jdbc.queryForObject("""
				insert into import_batch (source, content_hash, file_names, status, imported_by, started_at)
				values ('test', repeat('2', 64), 'checks', 'COMMITTED', 'test', now()) returning id
				""", Long.class);
	}

	public static String id(String county, String birthDate, int serial) {
		return TestData.id(county, birthDate, serial);
	}

	/** The standards every test county needs (a county of the system has a standards row). */
	public CheckData counties(String... counties) {
		for (String c : counties) {
			data.standard(c, "DIBAO_URBAN", "标准", "2026-01", "790.00")
				.standard(c, "DIBAO_RURAL", "标准", "2026-01", "600.00")
				.standard(c, "ELDERLY", "80-89", "2026-01", "100.00")
				.standard(c, "TEKUN", "全自理", "2026-01", "1030.00")
				.standard(c, "DISABILITY_CARE", "一级", "2026-01", "120.00")
				.standard(c, "DISABILITY_CARE", "二级", "2026-01", "100.00")
				.standard(c, "DISABILITY_LIVING", "标准", "2026-01", "100.00")
				.standard(c, "DE_FACTO_CHILD", "标准", "2026-01", "1450.00")
				.standard(c, "ORPHAN", "散居", "2026-01", "1450.00");
		}
		return this;
	}

	public CheckData standard(String county, String program, String category, String month, String value) {
		data.standard(county, program, category, month, value);
		return this;
	}

	public CheckData user(String name, String role, String county) {
		data.user(name, role, county);
		return this;
	}

	/** A roster row with its own account (the default account is derived from the ID). */
	public CheckData row(String region, String household, String id, String name, String relation, String program,
			String start, String end, String account) {
		String category = program.equals("TEKUN") ? "全自理" : program.equals("ORPHAN") ? "散居" : null;
		BigDecimal income = program.startsWith("DIBAO") ? new BigDecimal("300.00") : null;
		jdbc.update("""
				insert into beneficiary (import_id, file_no, row_no, county, region_code, household_id, id_number, name,
				  relation, program, category, household_income, start_month, end_month, bank, account_number, account_name)
				values (?, 1, nextval('test_row_no'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ICBC', ?, ?)
				""", importId, region.substring(0, 6), region, household, id, name, relation, program, category, income,
				start, end, account == null ? "62220200" + id.substring(7, 17) : account, name);
		return current("beneficiaries", region.substring(0, 6));
	}

	/** Makes this upload the current snapshot of a snapshot source (beneficiaries, poverty, disability). */
	private CheckData current(String source, String county) {
		jdbc.update("""
				insert into snapshot (source, county, import_id) values (?, ?, ?)
				on conflict (source, county) do update set import_id = excluded.import_id
				""", source, county, importId);
		return this;
	}

	/** A roster row from {@code start}, no end, its own account. */
	public CheckData row(String region, String household, String id, String name, String relation, String program,
			String start) {
		return row(region, household, id, name, relation, program, start, null, null);
	}

	public CheckData death(String id, String name, String date) {
		boolean valid = id.length() == 18 && IdNumber.parse(id, LocalDate.now()) instanceof cn.doudi.identity.ParsedId.Valid;
		jdbc.update("""
				insert into death (import_id, file_name, row_no, id_number, id_valid, name, death_date, origin)
				values (?, 'deaths.csv', 2, ?, ?, ?, ?, '公安')
				""", importId, id, valid, name, Date.valueOf(date));
		return this;
	}

	public CheckData certificate(String id, String name, int type, int grade, boolean valid) {
		jdbc.update("""
				insert into disability (import_id, file_no, row_no, id_number, name, certificate_no, type, grade, valid)
				values (?, 1, nextval('test_row_no'), ?, ?, ?, ?, ?, ?)
				""", importId, id, name, id + type + grade, type, grade, valid);
		return current("disability", "");
	}

	public CheckData poverty(String region, String household, String id, String name, String category) {
		jdbc.update("""
				insert into poverty (import_id, file_no, row_no, id_number, name, region_code, county, household_id, category)
				values (?, 1, nextval('test_row_no'), ?, ?, ?, ?, ?, ?)
				""", importId, id, name, region, region.substring(0, 6), household, category);
		return current("poverty", region.substring(0, 6));
	}

	public CheckData marriage(String id, String name, String spouseId, String spouseName, String kind, String date) {
		jdbc.update("""
				insert into marriage (import_id, file_name, row_no, id_number, name, spouse_id_number, spouse_name, kind, registered_on)
				values (?, 'marriages.csv', 2, ?, ?, ?, ?, ?, ?)
				""", importId, id, name, spouseId, spouseName, kind, Date.valueOf(date));
		return this;
	}

	public CheckData economic(String household, String id, String month, int vehicles, int properties, boolean business,
			boolean publicEmployee) {
		jdbc.update("""
				insert into economic (import_id, file_name, row_no, household_id, id_number, name, check_month, household_income,
				  vehicles, properties, business_registered, public_employee)
				values (?, 'economic.csv', 2, ?, ?, '申请人', ?, 900.00, ?, ?, ?, ?)
				""", importId, household, id, month, vehicles, properties, business, publicEmployee);
		return this;
	}

	/** A draft run of the county and month, replacing a draft (the run a check step links its findings to). */
	public long run(String county, YearMonth month) {
		jdbc.update("update payroll_run set status = 'REPLACED' where county = ? and month = ? and status = 'DRAFT'", county,
				month.toString());
		Integer revision = jdbc.queryForObject("select count(*) + 1 from payroll_run where county = ? and month = ?",
				Integer.class, county, month.toString());
		return jdbc.queryForObject("""
				insert into payroll_run (county, month, revision, batch_no, status, pay_date, created_by, created_at)
				values (?, ?, ?, ?, 'DRAFT', ?, 'test', now()) returning id
				""", Long.class, county, month.toString(), revision, county + "-" + month + "-" + revision,
				Date.valueOf(month.atDay(10)));
	}

	/** Replaces every current row of a table (a new snapshot without them). */
	public void clear(String table) {
		jdbc.update("delete from " + table);
	}
}
