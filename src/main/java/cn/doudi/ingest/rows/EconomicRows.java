package cn.doudi.ingest.rows;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import cn.doudi.identity.ParsedId;

/** {@code economic} (家庭经济状况核对结果): one result per household and 核对月份. */
public final class EconomicRows implements SourceRows {

	private final Schema schema = new Schema();
	private final ColumnDef household = schema.required("户编号", "household_id", "家庭编号");
	private final ColumnDef idNumber = schema.required("身份证号", "id_number", "公民身份号码", "证件号码");
	private final ColumnDef name = schema.required("姓名", "name");
	private final ColumnDef month = schema.required("核对月份", "check_month");
	private final ColumnDef income = schema.required("家庭月收入", "household_monthly_income");
	private final ColumnDef vehicles = schema.required("机动车数量", "vehicles");
	private final ColumnDef properties = schema.required("房产套数", "properties");
	private final ColumnDef business = schema.required("工商登记", "business_registered");
	private final ColumnDef publicEmployee = schema.required("财政供养人员", "public_employee");

	@Override
	public Schema schema() {
		return schema;
	}

	@Override
	public String table() {
		return "economic";
	}

	@Override
	public List<String> copyColumns() {
		return List.of("file_name", "row_no", "household_id", "id_number", "name", "check_month", "household_income",
				"vehicles", "properties", "business_registered", "public_employee");
	}

	@Override
	public String[] map(RowContext ctx) {
		String hh = TextFields.requiredCode(ctx, household);
		ParsedId.Valid id = TextFields.validId(ctx, idNumber);
		String person = TextFields.name(ctx, name);
		YearMonth m = DateFields.month(ctx, month, true);
		BigDecimal inc = NumberFields.money(ctx, income, true, BigDecimal.ZERO, false);
		Integer cars = NumberFields.count(ctx, vehicles);
		Integer homes = NumberFields.count(ctx, properties);
		Boolean biz = NumberFields.yesNo(ctx, business);
		Boolean paid = NumberFields.yesNo(ctx, publicEmployee);
		if (!ctx.ok()) {
			return null;
		}
		return RowValues.row(ctx.fileName(), ctx.rowNo(), hh, id.id().value(), person, m, inc, cars, homes, biz, paid);
	}
}
