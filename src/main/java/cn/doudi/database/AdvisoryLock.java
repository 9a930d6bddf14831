package cn.doudi.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * A PostgreSQL session advisory lock {@code (space, key)}, held on a connection of its own for as long as
 * the work runs, across every process sharing the database. A killed process loses its connection and
 * with it the lock, so whoever holds the lock next knows that work left half-done under it is a leftover
 * of a dead process (imports: STAGING uploads; month-end: STARTED job executions).
 */
public final class AdvisoryLock implements AutoCloseable {

	/** The lock spaces (first key), one per kind of work. */
	public static final int IMPORTS = 0x696d7074; // "impt": one key, imports run one at a time
	public static final int MONTH_END = 0x6d656e64; // "mend": one key per county
	public static final int INTAKE = 0x696e746b; // "intk": one key per intake feed

	private final Connection connection;
	private final int space;
	private final int key;

	private AdvisoryLock(Connection connection, int space, int key) {
		this.connection = connection;
		this.space = space;
		this.key = key;
	}

	/** Takes the lock, waiting for it; {@code waiting} runs first when another session holds it. */
	public static AdvisoryLock acquire(DataSource dataSource, int space, int key, Runnable waiting) throws SQLException {
		Connection c = dataSource.getConnection();
		try {
			c.setAutoCommit(true);
			if (!query(c, "select pg_try_advisory_lock(?, ?)", space, key)) {
				waiting.run();
				query(c, "select pg_advisory_lock(?, ?) is not null", space, key);
			}
			return new AdvisoryLock(c, space, key);
		}
		catch (SQLException | RuntimeException e) {
			c.close();
			throw e;
		}
	}

	/** Takes the lock if no other session holds it; else returns null at once. */
	public static AdvisoryLock tryAcquire(DataSource dataSource, int space, int key) throws SQLException {
		Connection c = dataSource.getConnection();
		try {
			c.setAutoCommit(true);
			if (query(c, "select pg_try_advisory_lock(?, ?)", space, key)) {
				return new AdvisoryLock(c, space, key);
			}
		}
		catch (SQLException | RuntimeException e) {
			c.close();
			throw e;
		}
		c.close();
		return null;
	}

	private static boolean query(Connection c, String sql, int space, int key) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setInt(1, space);
			ps.setInt(2, key);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	/** Releases the lock and the connection. */
	@Override
	public void close() throws SQLException {
		try {
			query(connection, "select pg_advisory_unlock(?, ?)", space, key);
		}
		finally {
			connection.close();
		}
	}
}
