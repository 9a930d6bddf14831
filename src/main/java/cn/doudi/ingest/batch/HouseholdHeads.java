package cn.doudi.ingest.batch;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one-户主 rule of household programs (DIBAO_*), over the whole upload: among a household's rows
 * for the program that passed their own checks there must be exactly one 户主 (本人) row, and the
 * household income must be the same on every row; otherwise all of that household's rows for the
 * program are rejected (户主缺失 / 户主重复 / 家庭月收入不一致). Returns the rows rejected. Groups byte-wise
 * (collate "C": the same groups, a cheaper sort) and compares min and max income (a distinct count
 * would sort every group again). Skipped when staging proved every household right
 * ({@code DibaoHouseholds}).
 */
final class HouseholdHeads {

	private static final String SQL = """
			with bad as (
			    select program, household_id collate "C" as household_id,
			           count(*) filter (where relation = '户主') as heads
			    from beneficiary
			    where import_id = ? and program in ('DIBAO_URBAN', 'DIBAO_RURAL')
			    group by program, household_id collate "C"
			    having count(*) filter (where relation = '户主') <> 1 or min(household_income) <> max(household_income)
			), gone as (
			    delete from beneficiary b using bad
			    where b.import_id = ? and b.program = bad.program and b.household_id = bad.household_id
			    returning b.file_no, b.row_no, b.relation, b.household_income, bad.household_id, bad.program, bad.heads
			)
			insert into import_rejection (import_id, file_name, row_no, column_name, value, reason)
			select i.id, i.files[x.file_no], x.row_no,
			       case when heads = 1 then '家庭月收入' else '与户主关系' end,
			       case when heads = 1 then household_income::text else relation end,
			       case when heads = 0 then '户主缺失：户编号' || household_id || '的' || pname || '没有户主（本人）行，该户此项目的所有行均未导入'
			            when heads > 1 then '户主重复：户编号' || household_id || '的' || pname || '有' || heads || '个户主（本人）行，该户此项目的所有行均未导入'
			            else '家庭月收入不一致：户编号' || household_id || '的' || pname || '各行的家庭月收入应相同，该户此项目的所有行均未导入'
			       end
			from (select g.*, case g.program when 'DIBAO_URBAN' then '城市低保' else '农村低保' end as pname from gone g) x
			join import_batch i on i.id = ?
			""";

	private HouseholdHeads() {
	}

	static int apply(JdbcTemplate jdbc, long importId) {
		// the rows were just staged: without fresh statistics the planner expects one row and nests loops
		// (minutes instead of seconds on a large upload); ANALYZE samples, and sees this transaction's rows
		jdbc.execute("analyze beneficiary");
		return jdbc.update(SQL, importId, importId, importId);
	}
}
