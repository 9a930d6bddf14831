package cn.doudi.ingest.rows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.doudi.identity.ParsedId;

/**
 * {@code deaths} (死亡/火化信息). The one source that keeps a row whose ID has the right shape but fails
 * the check digit or the birth date ({@code id_valid = false}): it never matches by ID but can still
 * identify someone through DEATH_PROBABLE.
 */
public final class DeathRows implements SourceRows {

	private static final Map<String, String> ORIGINS = Map.of("公安", "公安", "火化", "火化", "医院", "医院", "殡葬", "火化",
			"殡仪馆", "火化", "卫健", "医院");

	private final Schema schema = new Schema();
	private final ColumnDef idNumber = schema.required("身份证号", "id_number", "公民身份号码", "证件号码");
	private final ColumnDef name = schema.required("姓名", "name");
	private final ColumnDef deathDate = schema.required("死亡日期", "death_date");
	private final ColumnDef origin = schema.optional("来源", "origin");

	@Override
	public Schema schema() {
		return schema;
	}

	@Override
	public String table() {
		return "death";
	}

	@Override
	public List<String> copyColumns() {
		return List.of("file_name", "row_no", "id_number", "id_valid", "name", "death_date", "origin");
	}

	@Override
	public String[] map(RowContext ctx) {
		ParsedId parsed = TextFields.id(ctx, idNumber);
		String id = null;
		boolean valid = false;
		if (parsed instanceof ParsedId.Valid v) {
			id = v.id().value();
			valid = true;
		}
		else if (parsed instanceof ParsedId.Invalid inv) {
			if (inv.rightShape()) {
				id = inv.normalised();
			}
			else {
				ctx.reject(idNumber, inv.reason());
			}
		}
		String person = TextFields.name(ctx, name);
		LocalDate died = DateFields.date(ctx, deathDate);
		String from = ctx.blank(origin) ? null : TextFields.oneOf(ctx, origin, ORIGINS, "公安、火化或医院");
		if (!ctx.ok()) {
			return null;
		}
		return RowValues.row(ctx.fileName(), ctx.rowNo(), id, valid, person, died, from);
	}
}
