package cn.doudi.support;

import java.math.BigDecimal;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.identity.IdNumber;

/**
 * Puts rows straight into the snapshot tables under a COMMITTED upload (made the county's current
 * {@code snapshot}), for tests of what comes after import. {@link #id} makes a valid ID number from a
 * county, a birth date and a serial.
 */
public final class TestData {

	private final JdbcTemplate jdbc;
	private final long importId;

	public TestData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		// bulk roster rows are ordered by (import, file, row): each test row gets its own row number
		jdbc.execute("create sequence if not exists test_row_no start 2");
		this.importId = jdbc.queryForObject("""
				insert into import_batch (source, content_hash, file_names, status, imported_by, started_at)
				values ('test', repeat('0', 64), 'test', 'COMMITTED', 'test', now()) returning id
				""", Long.class);
	}

	/** A valid 18-character ID: county + yyyymmdd + 3-digit serial + check digit. */
	public static String id(String county, String birthDate, int serial) {
		String body = county + birthDate.replace("-", "") + String.format("%03d", serial);
		return body + IdNumber.checkDigit(body);
	}

	public TestData standard(String county, String program, String category, String month, String value) {
		jdbc.update("""
				insert into standard (import_id, county, program, category, effective_month, value) values (?, ?, ?, ?, ?, ?)
				""", importId, county, program, category, month, new BigDecimal(value));
		return this;
	}

	public TestData user(String name, String role, String county) {
		// mapped to an OS account of its own name: support.Commands runs command lines as that account
		jdbc.update("""
				insert into app_user (name, role, county, created_by, created_at, os_account) values (?, ?, ?, 'test', now(), ?)
				""", name, role, county, name);
		return this;
	}

	/** A roster row; {@code income} only for DIBAO rows, bank columns filled for every row. */
	public TestData beneficiary(String regionCode, String household, String idNumber, String name, String relation,
			String program, String category, String income, String start, String end) {
		jdbc.update("""
				insert into beneficiary (import_id, file_no, row_no, county, region_code, household_id, id_number, name,
				  relation, program, category, household_income, start_month, end_month, bank, account_number, account_name)
				values (?, 1, nextval('test_row_no'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ICBC', ?, ?)
				""", importId, regionCode.substring(0, 6), regionCode, household, idNumber, name, relation, program,
				category, income == null ? null : new BigDecimal(income), start, end,
				"62220200" + idNumber.substring(7, 17), name);
		// current_beneficiary shows the rows of the upload that `snapshot` names for the county
		jdbc.update("""
				insert into snapshot (source, county, import_id) values ('beneficiaries', ?, ?)
				on conflict (source, county) do update set import_id = excluded.import_id
				""", regionCode.substring(0, 6), importId);
		return this;
	}
}
