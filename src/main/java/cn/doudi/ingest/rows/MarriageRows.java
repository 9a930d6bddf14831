package cn.doudi.ingest.rows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.doudi.identity.ParsedId;

/** {@code marriages} (婚姻登记信息): a marriage or divorce of two people on a date. */
public final class MarriageRows implements SourceRows {

	private static final Map<String, String> KINDS = Map.of("结婚", "结婚", "离婚", "离婚", "复婚", "结婚",
			"结婚登记", "结婚", "离婚登记", "离婚");

	private final Schema schema = new Schema();
	private final ColumnDef idNumber = schema.required("身份证号", "id_number", "公民身份号码", "证件号码");
	private final ColumnDef name = schema.required("姓名", "name");
	private final ColumnDef spouseId = schema.required("配偶身份证号", "spouse_id_number");
	private final ColumnDef spouseName = schema.required("配偶姓名", "spouse_name");
	private final ColumnDef kind = schema.required("登记类型", "kind", "type");
	private final ColumnDef date = schema.required("登记日期", "registered_on", "date");

	@Override
	public Schema schema() {
		return schema;
	}

	@Override
	public String table() {
		return "marriage";
	}

	@Override
	public List<String> copyColumns() {
		return List.of("file_name", "row_no", "id_number", "name", "spouse_id_number", "spouse_name", "kind",
				"registered_on");
	}

	@Override
	public String[] map(RowContext ctx) {
		ParsedId.Valid id = TextFields.validId(ctx, idNumber);
		String person = TextFields.name(ctx, name);
		ParsedId.Valid spouse = TextFields.validId(ctx, spouseId);
		String spouseNormalised = TextFields.name(ctx, spouseName);
		String k = TextFields.oneOf(ctx, kind, KINDS, "结婚或离婚");
		LocalDate on = DateFields.date(ctx, date);
		if (id != null && spouse != null && id.id().equals(spouse.id())) {
			ctx.reject(spouseId, "配偶身份证号与本人相同");
		}
		if (!ctx.ok()) {
			return null;
		}
		return RowValues.row(ctx.fileName(), ctx.rowNo(), id.id().value(), person, spouse.id().value(),
				spouseNormalised, k, on);
	}
}
