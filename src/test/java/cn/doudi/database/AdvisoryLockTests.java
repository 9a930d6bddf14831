package cn.doudi.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The advisory lock on the real PostgreSQL server the tests use (never a mock): one holder at a time across
 * sessions, the others wait (and are told first); a session that dies loses the lock; other keys do not wait.
 * A key of its own (a random one in a lock space of the tests) keeps parallel runs apart.
 */
class AdvisoryLockTests {

	static final int SPACE = 0x74657374; // "test"
	final int key = (int) (Math.random() * Integer.MAX_VALUE);

	static DataSource dataSource() {
		PGSimpleDataSource ds = new PGSimpleDataSource();
		String url = System.getenv("DOUDI_TEST_DB_URL");
		ds.setUrl(url != null ? url : "jdbc:postgresql://127.0.0.1:5432/postgres");
		ds.setUser(System.getenv().getOrDefault("DOUDI_TEST_DB_USER", "postgres"));
		String password = System.getenv("DOUDI_TEST_DB_PASSWORD");
		if (password != null) {
			ds.setPassword(password);
		}
		return ds;
	}

	@Test
	void aSecondSessionWaitsAndIsToldUntilTheFirstReleases() throws Exception {
		DataSource ds = dataSource();
		AtomicBoolean told = new AtomicBoolean();
		CountDownLatch waiting = new CountDownLatch(1);
		CompletableFuture<Void> second;
		try (AdvisoryLock first = AdvisoryLock.acquire(ds, SPACE, key, () -> {
			throw new AssertionError("nobody holds it yet");
		})) {
			second = CompletableFuture.runAsync(() -> {
				try (AdvisoryLock lock = AdvisoryLock.acquire(ds, SPACE, key, () -> {
					told.set(true);
					waiting.countDown();
				})) {
					// held: the first has released it
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
			assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
			Thread.sleep(300);
			assertThat(second).isNotDone();
		}
		second.get(10, TimeUnit.SECONDS);
		assertThat(told).isTrue();
	}

	@Test
	void aSessionThatDiesLosesTheLock() throws Exception {
		DataSource ds = dataSource();
		AdvisoryLock dying = AdvisoryLock.acquire(ds, SPACE, key, () -> {
		});
		int pid = heldBy(ds);
		assertThat(pid).isPositive();
		try (Connection admin = ds.getConnection();
				PreparedStatement ps = admin.prepareStatement("select pg_terminate_backend(?)")) {
			ps.setInt(1, pid);
			ps.executeQuery().close();
		}
		AtomicBoolean waited = new AtomicBoolean();
		try (AdvisoryLock next = CompletableFuture.supplyAsync(() -> {
			try {
				return AdvisoryLock.acquire(ds, SPACE, key, () -> waited.set(true));
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}).get(10, TimeUnit.SECONDS)) {
			assertThat(waited).isFalse();
		}
		try {
			dying.close();
		}
		catch (Exception expected) {
			// its connection is gone: that is the point
		}
	}

	@Test
	void anotherKeyDoesNotWait() throws Exception {
		DataSource ds = dataSource();
		AtomicBoolean waited = new AtomicBoolean();
		try (AdvisoryLock a = AdvisoryLock.acquire(ds, SPACE, key, () -> {
		}); AdvisoryLock b = AdvisoryLock.acquire(ds, SPACE, key + 1, () -> waited.set(true))) {
			assertThat(waited).isFalse();
		}
	}

	/** The backend that holds the test's lock (0 if none). */
	private int heldBy(DataSource ds) throws Exception {
		try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
				select pid from pg_locks where locktype = 'advisory' and classid = ? and objid = ? and granted
				""")) {
			ps.setInt(1, SPACE);
			ps.setInt(2, key);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? rs.getInt(1) : 0;
			}
		}
	}
}
