package cn.doudi.ingest.batch;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams rows into one table with PostgreSQL COPY (text format), each row prefixed with the staging
 * import id. Buffers about 256 KB between writes. {@link #close()} without {@link #finish()} cancels
 * the COPY, so that a failed import leaves nothing behind in its transaction. The COPY starts with the
 * first row, so that the connection can still run queries until then.
 */
final class CopyOut implements AutoCloseable {

	private static final int FLUSH_AT = 256 * 1024;

	private final CopyManager manager;
	private final String sql;
	private final byte[] prefix;
	private CopyIn copy;
	private byte[] buf = new byte[FLUSH_AT + 64 * 1024];
	private int len;
	private long rows;
	private boolean done;

	CopyOut(CopyManager manager, String table, List<String> columns, long importId) {
		this.manager = manager;
		this.sql = "copy " + table + " (import_id, " + String.join(", ", columns) + ") from stdin";
		this.prefix = (importId + "\t").getBytes(StandardCharsets.US_ASCII);
	}

	void write(String[] values) throws SQLException {
		put(prefix, prefix.length);
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				put('\t');
			}
			String v = values[i];
			if (v == null) {
				put('\\');
				put('N');
			}
			else {
				field(v);
			}
		}
		put('\n');
		rows++;
		if (len >= FLUSH_AT) {
			flush();
		}
	}

	private void field(String v) {
		for (int i = 0; i < v.length(); i++) {
			char c = v.charAt(i);
			if (c < 0x80) {
				switch (c) {
					case '\\' -> { put('\\'); put('\\'); }
					case '\t' -> { put('\\'); put('t'); }
					case '\n' -> { put('\\'); put('n'); }
					case '\r' -> { put('\\'); put('r'); }
					default -> put(c);
				}
			}
			else {
				byte[] b = v.substring(i).getBytes(StandardCharsets.UTF_8);
				// the rest of the field, escaped byte-wise (multi-byte sequences never contain ASCII bytes)
				for (byte x : b) {
					switch (x) {
						case '\\' -> { put('\\'); put('\\'); }
						case '\t' -> { put('\\'); put('t'); }
						case '\n' -> { put('\\'); put('n'); }
						case '\r' -> { put('\\'); put('r'); }
						default -> put((char) (x & 0xFF));
					}
				}
				return;
			}
		}
	}

	private void put(char c) {
		if (len == buf.length) {
			buf = java.util.Arrays.copyOf(buf, buf.length * 2);
		}
		buf[len++] = (byte) c;
	}

	private void put(byte[] b, int n) {
		if (len + n > buf.length) {
			buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
		}
		System.arraycopy(b, 0, buf, len, n);
		len += n;
	}

	private void flush() throws SQLException {
		if (len > 0) {
			if (copy == null) {
				copy = manager.copyIn(sql);
			}
			copy.writeToCopy(buf, 0, len);
			len = 0;
		}
	}

	long rows() {
		return rows;
	}

	/** Ends the COPY; returns the number of rows the server took. */
	long finish() throws SQLException {
		flush();
		done = true;
		return copy == null ? 0 : copy.endCopy();
	}

	@Override
	public void close() throws SQLException {
		if (!done && copy != null && copy.isActive()) {
			done = true;
			copy.cancelCopy();
		}
	}
}
