package cn.doudi.ingest.rows;

import java.util.ArrayList;
import java.util.List;

/** The columns of one source, built in order: {@code schema.required("身份证号", "id_number", …)}. */
public final class Schema {

	private final List<ColumnDef> columns = new ArrayList<>();

	public ColumnDef required(String header, String... aliases) {
		return add(header, true, aliases);
	}

	public ColumnDef optional(String header, String... aliases) {
		return add(header, false, aliases);
	}

	private ColumnDef add(String header, boolean required, String... aliases) {
		ColumnDef c = new ColumnDef(columns.size(), header, List.of(aliases), required);
		columns.add(c);
		return c;
	}

	public List<ColumnDef> columns() {
		return columns;
	}

	public List<String> requiredHeaders() {
		return columns.stream().filter(ColumnDef::required).map(ColumnDef::header).toList();
	}
}
