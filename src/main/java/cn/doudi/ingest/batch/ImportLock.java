package cn.doudi.ingest.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Imports run one at a time across every process sharing the database: a PostgreSQL session advisory
 * lock, held on its own connection for the whole import. A killed process loses its connection and
 * with it the lock, so whoever holds the lock knows that any STAGING import is a leftover.
 */
@Component
class ImportLock {

	private static final long KEY = 0x646f756469L; // "doudi"

	private final DataSource dataSource;

	ImportLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Takes the lock, telling {@code waiting} when another import holds it. */
	Held acquire(Consumer<String> waiting) throws SQLException {
		Connection c = dataSource.getConnection();
		try {
			c.setAutoCommit(true);
			if (!query(c, "select pg_try_advisory_lock(?)")) {
				waiting.accept("另一个导入正在进行，等待其完成…");
				query(c, "select pg_advisory_lock(?) is not null");
			}
			return new Held(c);
		}
		catch (SQLException | RuntimeException e) {
			c.close();
			throw e;
		}
	}

	private static boolean query(Connection c, String sql) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setLong(1, KEY);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	/** The held lock; closing it releases the lock and the connection. */
	static final class Held implements AutoCloseable {

		private final Connection connection;

		private Held(Connection connection) {
			this.connection = connection;
		}

		@Override
		public void close() throws SQLException {
			try {
				query(connection, "select pg_advisory_unlock(?)");
			}
			finally {
				connection.close();
			}
		}
	}
}
