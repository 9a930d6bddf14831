package cn.doudi.ingest.rows;

import java.util.List;
import java.util.Map;

import cn.doudi.identity.IdNumber;
import cn.doudi.identity.ParsedId;

/**
 * {@code disability} (残疾人基础信息, 残联): the whole roster each time. 残疾证号 is the ID followed by the
 * type digit and the grade digit; it must agree with the ID and with the 类别 and 等级 columns.
 */
public final class DisabilityRows implements SourceRows {

	private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("视力", "1"), Map.entry("听力", "2"),
			Map.entry("言语", "3"), Map.entry("肢体", "4"), Map.entry("智力", "5"), Map.entry("精神", "6"),
			Map.entry("多重", "7"), Map.entry("视力残疾", "1"), Map.entry("听力残疾", "2"), Map.entry("言语残疾", "3"),
			Map.entry("肢体残疾", "4"), Map.entry("智力残疾", "5"), Map.entry("精神残疾", "6"), Map.entry("多重残疾", "7"),
			Map.entry("1", "1"), Map.entry("2", "2"), Map.entry("3", "3"), Map.entry("4", "4"), Map.entry("5", "5"),
			Map.entry("6", "6"), Map.entry("7", "7"));
	private static final Map<String, String> GRADES = Map.of("一级", "1", "二级", "2", "三级", "3", "四级", "4", "1", "1",
			"2", "2", "3", "3", "4", "4");
	private static final Map<String, String> STATUS = Map.of("有效", "true", "正常", "true", "注销", "false", "无效", "false",
			"已注销", "false");

	private final Schema schema = new Schema();
	private final ColumnDef idNumber = schema.required("身份证号", "id_number", "公民身份号码", "证件号码");
	private final ColumnDef name = schema.required("姓名", "name");
	private final ColumnDef certificate = schema.required("残疾证号", "certificate_no");
	private final ColumnDef type = schema.required("残疾类别", "type");
	private final ColumnDef grade = schema.required("残疾等级", "grade");
	private final ColumnDef status = schema.optional("证件状态", "status");

	@Override
	public Schema schema() {
		return schema;
	}

	@Override
	public String table() {
		return "disability";
	}

	@Override
	public List<String> copyColumns() {
		return List.of("file_no", "row_no", "id_number", "name", "certificate_no", "type", "grade", "valid");
	}

	@Override
	public String[] map(RowContext ctx) {
		ParsedId.Valid id = TextFields.validId(ctx, idNumber);
		String person = TextFields.name(ctx, name);
		String t = TextFields.oneOf(ctx, type, TYPES, "视力、听力、言语、肢体、智力、精神、多重或1–7");
		String g = TextFields.oneOf(ctx, grade, GRADES, "一级…四级或1–4");
		String valid = ctx.blank(status) ? "true" : TextFields.oneOf(ctx, status, STATUS, "有效或注销");
		String cert = TextFields.codeText(ctx, certificate);
		if (cert != null) {
			cert = IdNumber.normalise(cert);
			if (cert.length() != 20) {
				ctx.reject(certificate, "残疾证号应为20位（身份证号+类别+等级），实为" + cert.length() + "位");
			}
			else if (id != null && !cert.startsWith(id.id().value())) {
				ctx.reject(certificate, "残疾证号前18位与身份证号不一致");
			}
			else if (t != null && g != null && (cert.charAt(18) != t.charAt(0) || cert.charAt(19) != g.charAt(0))) {
				ctx.reject(certificate, "残疾证号末两位（类别" + cert.charAt(18) + "、等级" + cert.charAt(19) + "）与残疾类别、残疾等级列不一致");
			}
		}
		if (!ctx.ok()) {
			return null;
		}
		return RowValues.row(ctx.fileNo(), ctx.rowNo(), id.id().value(), person, cert, t, g, valid);
	}
}
