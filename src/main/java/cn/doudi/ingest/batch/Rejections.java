package cn.doudi.ingest.batch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import org.postgresql.copy.CopyManager;

import cn.doudi.ingest.ImportProblem;

/**
 * The problems found while reading, spilled to a temporary file as they come (memory stays flat
 * however many rows fail) and loaded into {@code import_rejection} with one COPY once the rows are
 * staged. Counts rejected rows (a row with three bad columns is one row, three problems).
 */
final class Rejections implements AutoCloseable {

	private final long importId;
	private final Path spill;
	private final OutputStream out;
	private long problems;
	private long rows;

	Rejections(long importId) throws IOException {
		this.importId = importId;
		this.spill = Files.createTempFile("doudi-rejections-", ".copy");
		this.out = new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16);
	}

	/** Records the problems of one rejected row. */
	void rejectRow(List<ImportProblem> rowProblems) throws IOException {
		rows++;
		for (ImportProblem p : rowProblems) {
			add(p);
		}
	}

	private void add(ImportProblem p) throws IOException {
		problems++;
		StringBuilder line = new StringBuilder(96);
		line.append(importId).append('\t').append(escape(p.file())).append('\t').append(p.row()).append('\t').append(escape(p.column())).append('\t')
			.append(escape(p.value())).append('\t').append(escape(p.reason())).append('\n');
		out.write(line.toString().getBytes(StandardCharsets.UTF_8));
	}

	long rows() {
		return rows;
	}

	long problems() {
		return problems;
	}

	/** Loads every problem into import_rejection under the import. */
	void copyInto(CopyManager copy) throws IOException, SQLException {
		out.flush();
		if (problems == 0) {
			return;
		}
		try (InputStream in = Files.newInputStream(spill)) {
			copy.copyIn("copy import_rejection (import_id, file_name, row_no, column_name, value, reason) from stdin", in);
		}
	}

	static String escape(String s) {
		if (s == null) {
			return "";
		}
		String v = s.length() > 500 ? s.substring(0, 500) + "…" : s;
		StringBuilder b = new StringBuilder(v.length());
		for (int i = 0; i < v.length(); i++) {
			char c = v.charAt(i);
			switch (c) {
				case '\\' -> b.append("\\\\");
				case '\t' -> b.append("\\t");
				case '\n' -> b.append("\\n");
				case '\r' -> b.append("\\r");
				default -> b.append(c);
			}
		}
		return b.toString();
	}

	@Override
	public void close() throws IOException {
		out.close();
		Files.deleteIfExists(spill);
	}
}
