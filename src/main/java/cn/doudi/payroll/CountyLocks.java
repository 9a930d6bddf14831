package cn.doudi.payroll;

import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.doudi.database.AdvisoryLock;

/**
 * The county's lock ({@link AdvisoryLock#COUNTY_RUNS}, key = the county code): every change to a county's
 * runs — month-end (from its order check to its draft's commit, the job and the files included), release,
 * approve and revoke — holds it, in every process sharing the database. A second change of the same
 * county waits for it at most {@code doudi.runs.lock-wait} (default 10 s) and is then refused in one line,
 * so a long month-end never leaves a clerk's approve hanging; a month-end and the revoke of the month
 * before it can never interleave. A killed process loses its connection, and with it the lock.
 */
@Component
class CountyLocks {

	private static final Logger log = LoggerFactory.getLogger(CountyLocks.class);

	private final DataSource dataSource;
	private final Duration wait;

	CountyLocks(DataSource dataSource, @Value("${doudi.runs.lock-wait:10s}") Duration wait) {
		this.dataSource = dataSource;
		this.wait = wait;
	}

	/** A session that holds no county yet (one connection for any number of counties). */
	Held open() {
		try {
			return new Held(AdvisoryLock.session(dataSource, AdvisoryLock.COUNTY_RUNS));
		}
		catch (SQLException e) {
			throw new IllegalStateException("无法连接数据库取得区县锁: " + e.getMessage(), e);
		}
	}

	/** Holds {@code county}'s lock, or refuses (MonthEndRefusedException) when another change keeps it past the wait. */
	Held hold(String county) {
		Held held = open();
		try {
			held.take(county);
			return held;
		}
		catch (RuntimeException e) {
			held.close();
			throw e;
		}
	}

	/** Try zero wait: the county's lock when it is free now. */
	Held holdIfFree(String county) {
		Held held = open();
		try {
			if (held.session.tryLock(key(county), Duration.ZERO)) {
				return held;
			}
		}
		catch (SQLException e) {
			held.close();
			throw new IllegalStateException("无法取得区县 " + county + " 的锁: " + e.getMessage(), e);
		}
		held.close();
		return null;
	}

	private String waited() {
		return wait.toMillis() % 1000 == 0 ? " " + wait.toSeconds() + " 秒" : " " + wait.toMillis() + " 毫秒";
	}

	private static int key(String county) {
		return Integer.parseInt(county.trim());
	}

	/** County locks held on one connection; {@link #close} frees them all. */
	final class Held implements AutoCloseable {

		private final AdvisoryLock session;

		private Held(AdvisoryLock session) {
			this.session = session;
		}

		/** Takes {@code county}'s lock (a no-op when this session holds it), waiting at most the configured time. */
		void take(String county) {
			boolean taken;
			try {
				taken = session.tryLock(key(county), wait);
			}
			catch (SQLException e) {
				throw new IllegalStateException("无法取得区县 " + county + " 的锁: " + e.getMessage(), e);
			}
			if (!taken) {
				throw new MonthEndRefusedException("区县 " + county + " 的发放批次正由另一操作处理（月结、提交、审批或撤销，"
						+ "可能在另一进程中），等待" + waited() + "后仍未结束：本次未做任何改动，请稍后再试");
			}
		}

		void free(String county) {
			try {
				session.unlock(key(county));
			}
			catch (SQLException e) {
				throw new IllegalStateException("无法释放区县 " + county + " 的锁: " + e.getMessage(), e);
			}
		}

		/** Frees every county held (a session whose connection broke has lost them already). */
		@Override
		public void close() {
			try {
				session.close();
			}
			catch (SQLException e) {
				log.warn("freeing the county locks: {}", e.getMessage());
			}
		}
	}
}
