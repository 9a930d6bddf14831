package cn.doudi.ingest.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.postgresql.PGConnection;

/** The physical floors an import is compared with: raw COPY of the CSV, bare streaming read of the XLSX. */
public final class Floors {

	private Floors() {
	}

	/** {@code COPY … FROM STDIN (FORMAT csv, HEADER)} of the file into a plain logged table of text columns. */
	public static long rawCopy(DataSource dataSource, Path csv, int columns) throws SQLException, IOException {
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			StringBuilder cols = new StringBuilder();
			for (int i = 0; i < columns; i++) {
				cols.append(i == 0 ? "" : ", ").append("c").append(i).append(" text");
			}
			s.execute("drop table if exists bench_raw_copy");
			s.execute("create table bench_raw_copy (" + cols + ")");
			try (InputStream in = Files.newInputStream(csv)) {
				return c.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy bench_raw_copy from stdin (format csv, header true)", in);
			}
			finally {
				s.execute("drop table bench_raw_copy");
			}
		}
	}

	/** fastexcel-reader over the first sheet, touching every cell's text. */
	public static long bareXlsxRead(Path xlsx) throws IOException {
		long rows = 0;
		long chars = 0;
		try (ReadableWorkbook wb = new ReadableWorkbook(new File(xlsx.toString()));
				var stream = wb.getFirstSheet().openStream()) {
			var it = stream.iterator();
			while (it.hasNext()) {
				Row r = it.next();
				for (int i = 0; i < r.getCellCount(); i++) {
					var cell = r.getCell(i);
					if (cell != null) {
						String t = cell.getText();
						chars += t == null ? 0 : t.length();
					}
				}
				rows++;
			}
		}
		return chars >= 0 ? rows - 1 : rows;
	}
}
