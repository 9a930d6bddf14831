package cn.doudi.ingest.rows;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.doudi.kernel.Program;

/**
 * {@code standards} (保障标准): the policy table, upserted by (county, program, category, effective
 * month). Rows are checked one by one, then kept back: {@link StandardsPolicy} checks the table as a
 * whole (every program present has what RULES.md needs; TEKUN ≥ 1.3 × DIBAO warns) before they are
 * written.
 */
public final class StandardRows implements SourceRows {

	private final Schema schema = new Schema();
	private final ColumnDef county = schema.required("区划代码", "county", "区县代码");
	private final ColumnDef program = schema.required("项目", "program");
	private final ColumnDef category = schema.required("类别", "category");
	private final ColumnDef month = schema.required("生效月份", "effective_month");
	private final ColumnDef value = schema.required("月标准", "value", "标准", "金额");
	private final List<StandardRow> kept = new ArrayList<>();

	/** One validated row of the policy table, with where it came from. */
	record StandardRow(String file, int rowNo, String county, String program, String category, YearMonth month,
			BigDecimal value) {

		String[] values() {
			return RowValues.row(county, program, category, month, value);
		}

		String key() {
			return county + "|" + program + "|" + category + "|" + month;
		}
	}

	@Override
	public Schema schema() {
		return schema;
	}

	@Override
	public String table() {
		return "standard";
	}

	@Override
	public List<String> copyColumns() {
		return List.of("county", "program", "category", "effective_month", "value");
	}

	@Override
	public String[] map(RowContext ctx) {
		String c = TextFields.codeText(ctx, county);
		if (c != null && !c.matches("\\d{6}")) {
			ctx.reject(county, "区划代码应为6位区县代码");
		}
		String p = program(ctx);
		String cat = StandardCategories.normalise(TextFields.compact(ctx.raw(category)));
		List<String> allowed = p == null ? null : StandardCategories.ALLOWED.get(p);
		if (allowed != null && !allowed.contains(cat)) {
			ctx.reject(category, cat.isEmpty() ? "类别不能为空" : "项目" + p + "的类别应为" + String.join("、", allowed));
		}
		YearMonth m = DateFields.month(ctx, month, true);
		BigDecimal v = value(ctx, p, cat);
		if (ctx.ok()) {
			kept.add(new StandardRow(ctx.fileName(), ctx.rowNo(), c, p, cat, m, v));
		}
		return null;
	}

	private String program(RowContext ctx) {
		String s = TextFields.compact(ctx.raw(program));
		if (s.toUpperCase(Locale.ROOT).equals(StandardCategories.PARAM) || s.equals("参数") || s.equals("其他参数")) {
			return StandardCategories.PARAM;
		}
		Program p = Program.parse(s).orElse(null);
		if (p == null) {
			ctx.reject(program, s.isEmpty() ? "项目不能为空" : "项目无法识别，应为项目代码、中文名称或PARAM");
			return null;
		}
		if (p == Program.PRICE_SUBSIDY) {
			ctx.reject(program, "价格临时补贴按CPI计算，保障标准表中不设此项目");
			return null;
		}
		return p.name();
	}

	private BigDecimal value(RowContext ctx, String p, String cat) {
		BigDecimal v = NumberFields.money(ctx, value, true, BigDecimal.ZERO, false);
		if (v == null) {
			return null;
		}
		if (StandardCategories.PARAM.equals(p)) {
			if (v.signum() <= 0 || v.stripTrailingZeros().scale() > 0) {
				ctx.reject(value, cat + "应为正整数（月数）");
				return null;
			}
		}
		else if (StandardCategories.PERCENT.contains(cat)) {
			if (v.compareTo(BigDecimal.valueOf(100)) > 0) {
				ctx.reject(value, cat + "是百分比，应在0到100之间");
				return null;
			}
		}
		else if (!"最低补差".equals(cat) && v.signum() == 0) {
			ctx.reject(value, "月标准应大于0");
			return null;
		}
		return v;
	}

	@Override
	public void finish(Finish finish) {
		new StandardsPolicy(kept, finish).check();
	}
}
