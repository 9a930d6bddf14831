package cn.doudi.database;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams rows into one table with PostgreSQL COPY (text format), in the connection's transaction: the
 * import's staging rows (each prefixed with the staging import id) and month-end's lines. Buffers about
 * 256 KB between writes. {@link #close()} without {@link #finish()} cancels the COPY, so that a failure
 * leaves nothing behind in its transaction. The COPY starts with the first row, so that the connection can
 * still run queries until then.
 */
public final class CopyRows implements AutoCloseable {

	private static final int FLUSH_AT = 256 * 1024;

	private final CopyManager manager;
	private final String sql;
	private final byte[] prefix;
	private CopyIn copy;
	private byte[] buf = new byte[FLUSH_AT + 64 * 1024];
	private int len;
	private long rows;
	private long writeNanos;
	private boolean done;

	/** Rows into {@code table}'s {@code columns}, each prefixed with {@code import_id} = {@code importId}. */
	public CopyRows(CopyManager manager, String table, List<String> columns, long importId) {
		this(manager, "copy " + table + " (import_id, " + String.join(", ", columns) + ") from stdin",
				(importId + "\t").getBytes(StandardCharsets.US_ASCII));
	}

	/** Rows into {@code table}'s {@code columns}. */
	public CopyRows(CopyManager manager, String table, List<String> columns) {
		this(manager, "copy " + table + " (" + String.join(", ", columns) + ") from stdin", new byte[0]);
	}

	private CopyRows(CopyManager manager, String sql, byte[] prefix) {
		this.manager = manager;
		this.sql = sql;
		this.prefix = prefix;
	}

	/**
	 * One row of values as COPY text: null is {@code \N}, a Boolean {@code t}/{@code f}, a BigDecimal its
	 * plain string (exact), anything else its {@code toString()}.
	 */
	public void row(Object... values) throws SQLException {
		String[] texts = new String[values.length];
		for (int i = 0; i < values.length; i++) {
			Object v = values[i];
			texts[i] = v == null ? null
					: v instanceof Boolean b ? (b ? "t" : "f")
					: v instanceof java.math.BigDecimal d ? d.toPlainString() : v.toString();
		}
		write(texts);
	}

	public void write(String[] values) throws SQLException {
		int worst = prefix.length + 3 * values.length + 1;
		for (String v : values) {
			worst += v == null ? 0 : 3 * v.length(); // a char: at most 3 UTF-8 bytes (a pair: 4), or 2 escaped
		}
		if (len + worst > buf.length) {
			buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + worst));
		}
		byte[] b = buf;
		int p = len;
		System.arraycopy(prefix, 0, b, p, prefix.length);
		p += prefix.length;
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				b[p++] = '\t';
			}
			String v = values[i];
			if (v == null) {
				b[p++] = '\\';
				b[p++] = 'N';
			}
			else {
				p = field(v, b, p);
			}
		}
		b[p++] = '\n';
		len = p;
		rows++;
		if (len >= FLUSH_AT) {
			flush();
		}
	}

	/** Writes one value as COPY text (UTF-8; backslash, tab, newline and return escaped); returns the new end. */
	private static int field(String v, byte[] b, int p) {
		for (int i = 0, n = v.length(); i < n; i++) {
			char c = v.charAt(i);
			if (c < 0x80) {
				switch (c) {
					case '\\' -> { b[p++] = '\\'; b[p++] = '\\'; }
					case '\t' -> { b[p++] = '\\'; b[p++] = 't'; }
					case '\n' -> { b[p++] = '\\'; b[p++] = 'n'; }
					case '\r' -> { b[p++] = '\\'; b[p++] = 'r'; }
					default -> b[p++] = (byte) c;
				}
			}
			else if (c < 0x800) {
				b[p++] = (byte) (0xC0 | c >> 6);
				b[p++] = (byte) (0x80 | c & 0x3F);
			}
			else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(v.charAt(i + 1))) {
				int cp = Character.toCodePoint(c, v.charAt(++i));
				b[p++] = (byte) (0xF0 | cp >> 18);
				b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
				b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
				b[p++] = (byte) (0x80 | cp & 0x3F);
			}
			else if (Character.isSurrogate(c)) {
				b[p++] = '?'; // a lone surrogate is not text: as String.getBytes(UTF_8) replaces it
			}
			else {
				b[p++] = (byte) (0xE0 | c >> 12);
				b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
				b[p++] = (byte) (0x80 | c & 0x3F);
			}
		}
		return p;
	}

	/** Hands the buffered rows to the server now (they stay in the transaction until it commits). */
	public void flush() throws SQLException {
		if (len > 0) {
			if (copy == null) {
				copy = manager.copyIn(sql);
			}
			long t = System.nanoTime();
			copy.writeToCopy(buf, 0, len);
			writeNanos += System.nanoTime() - t;
			len = 0;
		}
	}

	public long rows() {
		return rows;
	}

	/** Time spent handing data to the server (mostly waiting while it is busy), in ms. */
	public long writeMillis() {
		return writeNanos / 1_000_000;
	}

	/** Ends the COPY; returns the number of rows the server took. */
	public long finish() throws SQLException {
		flush();
		done = true;
		long t = System.nanoTime();
		long n = copy == null ? 0 : copy.endCopy();
		writeNanos += System.nanoTime() - t;
		return n;
	}

	@Override
	public void close() throws SQLException {
		if (!done && copy != null && copy.isActive()) {
			done = true;
			copy.cancelCopy();
		}
	}
}
