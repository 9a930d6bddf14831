package cn.doudi.ingest.batch;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.ingest.PaymentHistory;

/**
 * The temp-assist rules that need other data, over the staged cases, first failing rule per case:
 * 区划不在本系统 (no standards for the county), 超过单次救助上限 (the county's TEMP_ASSIST 单次上限 in
 * force in the 审批月份), 该审批已发放 (a re-upload of a case — same 审批编号, person and month, from an
 * earlier upload — with a PAY TEMP_ASSIST line of an APPROVED run for the household, person and month),
 * 同一人同月已有临时救助 (another case number for the person and month: current, earlier in the upload,
 * or already paid under that other number), 超过补发期限 (before the earliest month the county's next run pays:
 * its first run month, or the arrears window of the run after its latest approved one). With no runs yet, no
 * case is late. What was paid and how far back the next run pays are the payroll's: they come through the
 * {@link PaymentHistory} port and are joined as arrays (ingest reads none of the payroll's tables).
 */
final class TempAssistChecks {

	private static final String SQL = """
			with checked as (
			    select t.id, t.file_name, t.row_no, t.region_code, t.county, t.case_no, t.id_number, t.approval_month, t.amount,
			           cap.value as cap, w.first_month, w.earliest, w.k,
			           exists (select 1 from current_standard s where s.county = t.county) as known_county,
			           exists (select 1 from unnest(?::text[], ?::text[], ?::text[]) pl(household_id, id_number, pay_month)
			                   where pl.household_id = t.household_id and pl.id_number = t.id_number
			                     and pl.pay_month = t.approval_month) as paid,
			           exists (select 1 from temp_assist o join import_batch i on i.id = o.import_id
			                   where i.status = 'COMMITTED' and o.import_id <> t.import_id and o.case_no = t.case_no
			                     and o.id_number = t.id_number and o.approval_month = t.approval_month) as case_seen,
			           (exists (select 1 from current_temp_assist o where o.id_number = t.id_number
			                     and o.approval_month = t.approval_month and o.case_no <> t.case_no)
			            or exists (select 1 from temp_assist o where o.import_id = t.import_id and o.id < t.id
			                     and o.id_number = t.id_number and o.approval_month = t.approval_month
			                     and o.case_no <> t.case_no)) as second_case
			    from temp_assist t
			    left join lateral (select s.value from current_standard s where s.county = t.county and s.program = 'TEMP_ASSIST'
			                       and s.category = '单次上限' and s.effective_month <= t.approval_month
			                       order by s.effective_month desc limit 1) cap on true
			    left join unnest(?::text[], ?::text[], ?::text[], ?::int[]) w(county, first_month, earliest, k)
			      on w.county = t.county
			    where t.import_id = ?
			), judged as (
			    select c.*, case
			        when not known_county then 'COUNTY'
			        when cap is not null and amount > cap then 'CAP'
			        when paid and case_seen then 'PAID'
			        when second_case or paid then 'SECOND'
			        when earliest is not null and approval_month < earliest then 'LATE'
			        end as code
			    from checked c
			), gone as (
			    delete from temp_assist t using judged j where t.id = j.id and j.code is not null
			    returning j.*
			)
			insert into import_rejection (import_id, file_name, row_no, column_name, value, reason)
			select ?, file_name, row_no,
			       case code when 'COUNTY' then '区划代码' when 'CAP' then '救助金额' when 'PAID' then '审批编号'
			                 when 'SECOND' then '身份证号' else '审批月份' end,
			       case code when 'COUNTY' then region_code when 'CAP' then amount::text when 'PAID' then case_no
			                 when 'SECOND' then id_number else approval_month end,
			       case code when 'COUNTY' then '区划不在本系统：区县' || county || '没有保障标准'
			                 when 'CAP' then '超过单次救助上限（' || cap || '元）'
			                 when 'PAID' then '该审批已发放：' || approval_month || '的临时救助已在审批通过的发放批次中支付'
			                 when 'SECOND' then '同一人同月已有临时救助（' || approval_month || '）'
			                 else '超过补发期限：审批月份' || approval_month || '早于' || coalesce(first_month, '')
			                      || '起的发放批次可补发的范围（补发上限' || k || '个月）' end
			from gone
			""";

	private TempAssistChecks() {
	}

	static int apply(JdbcTemplate jdbc, long importId, PaymentHistory history) {
		List<String> counties = jdbc.queryForList("select distinct county from temp_assist where import_id = ?",
				String.class, importId).stream().map(String::trim).toList();
		List<String> people = jdbc.queryForList("select distinct id_number from temp_assist where import_id = ?",
				String.class, importId);
		Map<String, PaymentHistory.Window> windows = history.windows(counties);
		List<PaymentHistory.PaidCase> paid = List.copyOf(history.paidTempAssist(people));
		return jdbc.update(SQL, ps -> {
			java.sql.Connection c = ps.getConnection();
			ps.setArray(1, c.createArrayOf("text", paid.stream().map(PaymentHistory.PaidCase::householdId).toArray()));
			ps.setArray(2, c.createArrayOf("text", paid.stream().map(PaymentHistory.PaidCase::idNumber).toArray()));
			ps.setArray(3, c.createArrayOf("text", paid.stream().map(p -> p.payMonth().toString()).toArray()));
			ps.setArray(4, c.createArrayOf("text", windows.keySet().toArray()));
			ps.setArray(5, c.createArrayOf("text", windows.values().stream().map(w -> w.firstRunMonth().toString()).toArray()));
			ps.setArray(6, c.createArrayOf("text", windows.values().stream().map(w -> w.earliestPayable().toString()).toArray()));
			ps.setArray(7, c.createArrayOf("integer", windows.values().stream().map(PaymentHistory.Window::arrearsMonths).toArray()));
			ps.setLong(8, importId);
			ps.setLong(9, importId);
		});
	}
}
