package cn.doudi.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.sql.DataSource;

/**
 * PostgreSQL session advisory locks {@code (space, key)}, held on a connection of their own for as long as
 * the work runs, across every process sharing the database. A killed process loses its connection and
 * with it the locks, so whoever holds a lock next knows that work left half-done under it is a leftover
 * of a dead process (imports: STAGING uploads; a county's runs: STARTED job executions, RUNNING runs,
 * half-moved bank files). One session can hold several keys of its space (a month-end of several
 * counties holds each county's key on one connection, not one connection per county).
 */
public final class AdvisoryLock implements AutoCloseable {

	/** The lock spaces (first key), one per kind of work. */
	public static final int IMPORTS = 0x696d7074; // "impt": one key, imports run one at a time
	/** One key per county (its 6-digit code): every change to the county's runs (month-end, release, approve, revoke). */
	public static final int COUNTY_RUNS = 0x6d656e64; // "mend"
	/** One key per intake feed: one poll of a feed at a time, across processes. */
	public static final int INTAKE = 0x696e746b; // "intk"

	private static final String LOCK_NOT_AVAILABLE = "55P03";

	private final Connection connection;
	private final int space;
	private final Set<Integer> keys = new LinkedHashSet<>();

	private AdvisoryLock(Connection connection, int space) {
		this.connection = connection;
		this.space = space;
	}

	/** Takes the lock, waiting for it as long as it takes; {@code waiting} runs first when another session holds it. */
	public static AdvisoryLock acquire(DataSource dataSource, int space, int key, Runnable waiting) throws SQLException {
		AdvisoryLock lock = session(dataSource, space);
		try {
			if (!lock.query("select pg_try_advisory_lock(?, ?)", key)) {
				waiting.run();
				lock.query("select pg_advisory_lock(?, ?) is not null", key);
			}
			lock.keys.add(key);
			return lock;
		}
		catch (SQLException | RuntimeException e) {
			lock.connection.close();
			throw e;
		}
	}

	/** Takes the lock if no other session holds it; else returns null at once. */
	public static AdvisoryLock tryAcquire(DataSource dataSource, int space, int key) throws SQLException {
		AdvisoryLock lock = session(dataSource, space);
		try {
			if (lock.tryLock(key, Duration.ZERO)) {
				return lock;
			}
		}
		catch (SQLException | RuntimeException e) {
			lock.connection.close();
			throw e;
		}
		lock.close();
		return null;
	}

	/** A session of its own connection that holds no key yet: {@link #tryLock} takes keys, {@link #close} frees them all. */
	public static AdvisoryLock session(DataSource dataSource, int space) throws SQLException {
		Connection c = dataSource.getConnection();
		try {
			c.setAutoCommit(true);
			return new AdvisoryLock(c, space);
		}
		catch (SQLException | RuntimeException e) {
			c.close();
			throw e;
		}
	}

	/**
	 * Takes {@code key}, waiting at most {@code wait} for another session to free it (the wait is the
	 * server's: the session shows in {@code pg_locks} as waiting). False when the key is still held then.
	 * Taking a key this session already holds is a no-op.
	 */
	public boolean tryLock(int key, Duration wait) throws SQLException {
		if (keys.contains(key)) {
			return true;
		}
		if (!query("select pg_try_advisory_lock(?, ?)", key)) {
			if (wait.isZero() || wait.isNegative()) {
				return false;
			}
			setLockTimeout(Math.max(1, wait.toMillis()) + "ms");
			try {
				query("select pg_advisory_lock(?, ?) is not null", key);
			}
			catch (SQLException e) {
				if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
					return false;
				}
				throw e;
			}
			finally {
				setLockTimeout("0");
			}
		}
		keys.add(key);
		return true;
	}

	/** Frees {@code key} when this session holds it. */
	public void unlock(int key) throws SQLException {
		if (keys.remove(key)) {
			query("select pg_advisory_unlock(?, ?)", key);
		}
	}

	/** Frees every key and the connection (back to the pool, holding no advisory lock). */
	@Override
	public void close() throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement("select pg_advisory_unlock_all()")) {
			keys.clear();
			ps.execute();
		}
		finally {
			connection.close();
		}
	}

	private void setLockTimeout(String value) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement("select set_config('lock_timeout', ?, false)")) {
			ps.setString(1, value);
			ps.execute();
		}
	}

	private boolean query(String sql, int key) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement(sql)) {
			ps.setInt(1, space);
			ps.setInt(2, key);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}
}
