package cn.doudi.ingest.rows;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.doudi.identity.ParsedId;
import cn.doudi.identity.RegionCode;

/** {@code poverty} (防返贫监测/脱贫人口信息): a snapshot per county, like the roster. */
public final class PovertyRows implements SourceRows {

	private static final Map<String, String> CATEGORIES = Map.of("未脱贫人口", "未脱贫人口", "脱贫监测人口", "脱贫监测人口",
			"贫困边缘人口", "贫困边缘人口", "已稳定脱贫", "已稳定脱贫", "未脱贫", "未脱贫人口", "脱贫不稳定户", "脱贫监测人口",
			"边缘易致贫户", "贫困边缘人口", "已稳定脱贫人口", "已稳定脱贫");

	private final Schema schema = new Schema();
	private final ColumnDef idNumber = schema.required("身份证号", "id_number", "公民身份号码", "证件号码");
	private final ColumnDef name = schema.required("姓名", "name");
	private final ColumnDef region = schema.required("区划代码", "region_code", "村社区代码");
	private final ColumnDef household = schema.required("户编号", "household_id", "扶贫户编号");
	private final ColumnDef category = schema.required("类别", "category", "监测对象类别");
	private final Set<String> counties = new HashSet<>();

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
		return "poverty";
	}

	@Override
	public List<String> copyColumns() {
		return List.of("file_no", "row_no", "id_number", "name", "region_code", "county", "household_id", "category");
	}

	@Override
	public String[] map(RowContext ctx) {
		ParsedId.Valid id = TextFields.validId(ctx, idNumber);
		String person = TextFields.name(ctx, name);
		RegionCode rc = TextFields.region(ctx, region);
		if (rc != null) {
			counties.add(rc.county());
		}
		String hh = TextFields.requiredCode(ctx, household);
		String cat = TextFields.oneOf(ctx, category, CATEGORIES, "未脱贫人口、脱贫监测人口、贫困边缘人口或已稳定脱贫");
		if (!ctx.ok()) {
			return null;
		}
		return RowValues.row(ctx.fileNo(), ctx.rowNo(), id.id().value(), person, rc.value(), rc.county(), hh, cat);
	}

	@Override
	public Set<String> counties() {
		return counties;
	}
}
