package cn.doudi.ingest.rows;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** {@code cpi} (价格指数): CPI and food CPI year-on-year, percent, per month. */
public final class CpiRows implements SourceRows {

	private final Schema schema = new Schema();
	private final ColumnDef month = schema.required("月份", "month");
	private final ColumnDef cpi = schema.required("CPI同比", "cpi");
	private final ColumnDef food = schema.required("食品CPI同比", "food_cpi");

	@Override
	public Schema schema() {
		return schema;
	}

	@Override
	public String table() {
		return "cpi";
	}

	@Override
	public List<String> copyColumns() {
		return List.of("month", "cpi", "food_cpi");
	}

	@Override
	public String[] map(RowContext ctx) {
		YearMonth m = DateFields.month(ctx, month, true);
		BigDecimal c = percent(ctx, cpi);
		BigDecimal f = percent(ctx, food);
		if (!ctx.ok()) {
			return null;
		}
		return RowValues.row(m, c, f);
	}

	private static BigDecimal percent(RowContext ctx, ColumnDef c) {
		if (ctx.blank(c)) {
			ctx.reject(c, c.header() + "不能为空");
			return null;
		}
		BigDecimal v = NumberFields.decimal(ctx, c);
		if (v == null || v.scale() > 2 || v.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
			ctx.reject(c, c.header() + "应为百分数（如3.6），最多两位小数");
			return null;
		}
		return v;
	}
}
