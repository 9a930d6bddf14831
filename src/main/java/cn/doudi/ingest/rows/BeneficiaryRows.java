package cn.doudi.ingest.rows;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.doudi.kernel.Program;

/**
 * {@code beneficiaries} (在册对象花名册): one row per covered person per program. Checks each row on its
 * own; the one-户主-per-household rule of DIBAO programs is checked over the whole upload in SQL
 * after staging ({@code HouseholdHeads}), unless {@link DibaoHouseholds} proved it while reading.
 */
public final class BeneficiaryRows implements SourceRows {

	private static final Map<String, String> RELATIONS = Map.ofEntries(Map.entry("户主", "户主"),
			Map.entry("本人", "户主"), Map.entry("配偶", "配偶"), Map.entry("妻", "配偶"), Map.entry("妻子", "配偶"),
			Map.entry("夫", "配偶"), Map.entry("丈夫", "配偶"), Map.entry("子女", "子女"), Map.entry("子", "子女"),
			Map.entry("女", "子女"), Map.entry("儿子", "子女"), Map.entry("女儿", "子女"), Map.entry("父母", "父母"),
			Map.entry("父亲", "父母"), Map.entry("母亲", "父母"), Map.entry("孙子女", "孙子女"), Map.entry("孙子", "孙子女"),
			Map.entry("孙女", "孙子女"), Map.entry("外孙子女", "孙子女"), Map.entry("兄弟姐妹", "兄弟姐妹"),
			Map.entry("其他", "其他"));
	private static final Map<String, String> TEKUN = Map.of("全自理", "全自理", "半护理", "半护理", "全护理", "全护理");
	private static final Map<String, String> ORPHAN = Map.of("机构", "机构", "散居", "散居", "集中", "机构",
			"机构养育", "机构", "集中供养", "机构", "散居孤儿", "散居");

	private final Schema schema = new Schema();
	private final ColumnDef region = schema.required("区划代码", "region_code", "村社区代码");
	private final ColumnDef household = schema.required("户编号", "household_id", "家庭编号");
	private final ColumnDef idNumber = schema.required("身份证号", "id_number", "公民身份号码", "证件号码");
	private final ColumnDef name = schema.required("姓名", "name");
	private final ColumnDef relation = schema.required("与户主关系", "relation");
	private final ColumnDef program = schema.required("项目", "program");
	private final ColumnDef category = schema.optional("类别", "category");
	private final ColumnDef income = schema.optional("家庭月收入", "household_monthly_income");
	private final ColumnDef start = schema.required("开始月份", "start_month");
	private final ColumnDef end = schema.optional("结束月份", "end_month");
	private final ColumnDef bank = schema.optional("开户银行", "bank");
	private final ColumnDef account = schema.optional("银行账号", "account_number", "一卡通账号");
	private final ColumnDef accountName = schema.optional("账户名", "account_name", "户名");
	private final Set<String> counties = new HashSet<>();
	private final DibaoHouseholds households = new DibaoHouseholds();
	private String lastCounty;

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
		return "beneficiary";
	}

	@Override
	public List<String> copyColumns() {
		return List.of("file_no", "row_no", "county", "region_code", "household_id", "id_number", "id_converted_from",
				"name", "relation", "program", "category", "household_income", "start_month", "end_month", "bank",
				"account_number", "account_name");
	}

	@Override
	public String[] map(RowContext ctx) {
		String rc = TextFields.regionText(ctx, region);
		String county = rc == null ? null : county(rc);
		String hh = TextFields.requiredCode(ctx, household);
		TextFields.IdText id = TextFields.validIdText(ctx, idNumber);
		String person = TextFields.bankName(ctx, name);
		String rel = TextFields.oneOf(ctx, relation, RELATIONS, "户主/本人、配偶、子女、父母、孙子女、兄弟姐妹、其他");
		Program prog = program(ctx);
		String cat = prog == null ? null : category(ctx, prog);
		String inc = null;
		if (prog != null && prog.isDibao()) {
			inc = NumberFields.moneyText(ctx, income, true, false);
		}
		String from = DateFields.monthText(ctx, start, true);
		String to = DateFields.monthText(ctx, end, false);
		if (from != null && to != null && to.compareTo(from) < 0) {
			ctx.reject(end, "结束月份早于开始月份");
		}
		boolean head = "户主".equals(rel);
		boolean payee = prog != null && (!prog.isDibao() || head);
		String[] pay = Payees.read(ctx, bank, account, accountName, payee);
		if (!ctx.ok()) {
			return null;
		}
		if (prog.isDibao()) {
			households.row(prog, hh, head, inc);
		}
		return new String[] { ctx.fileNo(), Integer.toString(ctx.rowNo()), county, rc, hh, id.value(),
				id.convertedFrom(), person, rel, prog.name(), cat, inc, from, to, pay[0], pay[1], pay[2] };
	}

	/** The county of a 12-digit region code, remembered among the counties the upload covers. */
	private String county(String regionCode) {
		if (lastCounty == null || !regionCode.startsWith(lastCounty)) {
			lastCounty = regionCode.substring(0, 6);
			counties.add(lastCounty);
		}
		return lastCounty;
	}

	@Override
	public boolean wholeUploadChecksNeeded() {
		return !households.proven();
	}

	private Program program(RowContext ctx) {
		Program p = Lookups.program(TextFields.compact(ctx.raw(program))).orElse(null);
		if (p == null) {
			ctx.reject(program, ctx.blank(program) ? "项目不能为空" : "项目无法识别，应为项目代码或中文名称（如 DIBAO_URBAN、城市低保）");
		}
		else if (p == Program.PRICE_SUBSIDY || p == Program.TEMP_ASSIST) {
			ctx.reject(program, p.chineseName() + "不在花名册中登记（价格补贴按CPI计算，临时救助用临时救助审批名单导入）");
			return null;
		}
		return p;
	}

	private String category(RowContext ctx, Program p) {
		if (p == Program.TEKUN) {
			return TextFields.oneOf(ctx, category, TEKUN, "全自理、半护理或全护理（特困人员）");
		}
		if (p == Program.ORPHAN) {
			return TextFields.oneOf(ctx, category, ORPHAN, "机构或散居（孤儿）");
		}
		return null;
	}

	@Override
	public Set<String> counties() {
		return counties;
	}
}
