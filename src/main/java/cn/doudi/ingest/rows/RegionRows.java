package cn.doudi.ingest.rows;

import java.util.List;

/** {@code regions} (区划名称): names of counties (6 digits), townships (9) and villages or communities (12). */
public final class RegionRows implements SourceRows {

	private final Schema schema = new Schema();
	private final ColumnDef code = schema.required("区划代码", "code", "region_code");
	private final ColumnDef name = schema.required("名称", "name", "区划名称");

	@Override
	public Schema schema() {
		return schema;
	}

	@Override
	public String table() {
		return "region";
	}

	@Override
	public List<String> copyColumns() {
		return List.of("code", "name");
	}

	@Override
	public String[] map(RowContext ctx) {
		String c = TextFields.codeText(ctx, code);
		if (c != null && !(c.matches("\\d{6}|\\d{9}|\\d{12}"))) {
			ctx.reject(code, "区划代码应为6、9或12位数字");
		}
		String n = TextFields.plain(ctx.raw(name));
		if (n.isEmpty()) {
			ctx.reject(name, "名称不能为空");
		}
		if (!ctx.ok()) {
			return null;
		}
		return RowValues.row(c, n);
	}
}
