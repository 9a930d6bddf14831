package cn.doudi.ingest.rows;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.doudi.identity.ParsedId;
import cn.doudi.identity.RegionCode;

/**
 * {@code temp-assist} (临时救助审批名单): one approved case per row, keyed by 审批编号. The rules that
 * need other data (单次上限, a second case in the month, already paid, county, arrears window) run in
 * SQL after staging ({@code TempAssistChecks}).
 */
public final class TempAssistRows implements SourceRows {

	private final Schema schema = new Schema();
	private final ColumnDef region = schema.required("区划代码", "region_code", "村社区代码");
	private final ColumnDef household = schema.required("户编号", "household_id", "家庭编号");
	private final ColumnDef idNumber = schema.required("身份证号", "id_number", "公民身份号码", "证件号码");
	private final ColumnDef name = schema.required("姓名", "name");
	private final ColumnDef caseNo = schema.required("审批编号", "case_no");
	private final ColumnDef month = schema.required("审批月份", "approval_month");
	private final ColumnDef amount = schema.required("救助金额", "amount");
	private final ColumnDef cause = schema.required("救助事由", "cause");
	private final ColumnDef bank = schema.required("开户银行", "bank");
	private final ColumnDef account = schema.required("银行账号", "account_number", "一卡通账号");
	private final ColumnDef accountName = schema.required("账户名", "account_name", "户名");
	private final Set<String> rowCounties = new HashSet<>();

	@Override
	public Schema schema() {
		return schema;
	}

	@Override
	public ColumnDef countyColumn() {
		return region;
	}

	@Override
	public String table() {
		return "temp_assist";
	}

	@Override
	public List<String> copyColumns() {
		return List.of("file_name", "row_no", "region_code", "county", "household_id", "id_number", "name", "case_no",
				"approval_month", "amount", "cause", "bank", "account_number", "account_name");
	}

	@Override
	public String[] map(RowContext ctx) {
		RegionCode rc = TextFields.region(ctx, region);
		if (rc != null) {
			rowCounties.add(rc.county());
		}
		String hh = TextFields.requiredCode(ctx, household);
		ParsedId.Valid id = TextFields.validId(ctx, idNumber);
		String person = TextFields.bankName(ctx, name);
		String no = TextFields.requiredCode(ctx, caseNo);
		YearMonth m = DateFields.month(ctx, month, true);
		BigDecimal amt = NumberFields.money(ctx, amount, true, BigDecimal.ZERO, true);
		String why = TextFields.plain(ctx.raw(cause));
		if (why.isEmpty()) {
			ctx.reject(cause, "救助事由不能为空");
		}
		String[] pay = Payees.read(ctx, bank, account, accountName, true);
		if (!ctx.ok()) {
			return null;
		}
		return RowValues.row(ctx.fileName(), ctx.rowNo(), rc.value(), rc.county(), hh, id.id().value(), person, no, m,
				amt, why, pay[0], pay[1], pay[2]);
	}

	@Override
	public Set<String> rowCounties() {
		return rowCounties;
	}
}
