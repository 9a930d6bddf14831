package cn.doudi.ingest.rows;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import cn.doudi.ingest.read.FileRejectedException;
import cn.doudi.ingest.read.RawRow;
import cn.doudi.ingest.read.RowSource;

/**
 * Finds the header: the first non-empty row that names every required column. Non-empty rows above
 * it are title rows (skipped). When no row among the first {@value #MAX_ROWS} non-empty rows qualifies,
 * the file is rejected naming the columns missing from the row that came closest.
 */
public final class HeaderLocator {

	static final int MAX_ROWS = 30;
	private static final int MAX_CELLS = 512;
	private static final int MAX_HEADER_LENGTH = 64;

	private HeaderLocator() {
	}

	/** The located header: its row number and, per column of the schema, its cell index (-1 absent). */
	public record Header(int rowNo, int[] columnIndex) {
	}

	public static Header locate(RowSource source, Schema schema, String fileName) throws IOException {
		List<ColumnDef> columns = schema.columns();
		int[] best = null;
		int bestMissing = Integer.MAX_VALUE;
		int bestRow = 0;
		int seen = 0;
		RawRow row;
		while (seen < MAX_ROWS && (row = source.next()) != null) {
			if (row.isBlank()) {
				continue;
			}
			seen++;
			int[] index = new int[columns.size()];
			Arrays.fill(index, -1);
			String[] values = row.values();
			for (int i = 0; i < Math.min(values.length, MAX_CELLS); i++) {
				if (values[i] == null || values[i].length() > MAX_HEADER_LENGTH) {
					continue;
				}
				String h = ColumnDef.normaliseHeader(values[i]);
				if (h.isEmpty()) {
					continue;
				}
				for (ColumnDef c : columns) {
					if (index[c.index()] < 0 && c.matches(h)) {
						index[c.index()] = i;
						break;
					}
				}
			}
			int missing = (int) columns.stream().filter(c -> c.required() && index[c.index()] < 0).count();
			if (missing == 0) {
				return new Header(row.rowNo(), index);
			}
			if (missing < bestMissing) {
				best = index;
				bestMissing = missing;
				bestRow = row.rowNo();
			}
		}
		if (seen == 0) {
			throw new FileRejectedException(fileName, "文件中没有任何数据（全是空行）");
		}
		int[] closest = best;
		List<String> absent = columns.stream()
			.filter(c -> c.required() && closest[c.index()] < 0)
			.map(ColumnDef::header)
			.toList();
		if (absent.size() == schema.requiredHeaders().size()) {
			throw new FileRejectedException(fileName, 0, null, "找不到表头行：前" + MAX_ROWS + "个非空行中没有一行包含必需的列（"
					+ String.join("、", schema.requiredHeaders()) + "），请确认上传的是正确的表格");
		}
		throw new FileRejectedException(fileName, bestRow, String.join("、", absent),
				"缺少必需的列：" + String.join("、", absent) + "（第" + bestRow + "行的表头中没有）");
	}
}
