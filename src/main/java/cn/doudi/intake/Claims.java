package cn.doudi.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.doudi.intake.folder.FeedFolder;

/**
 * The intake tables: polls, the files claimed and what became of them ({@code intake_file}), the sizes
 * seen by the last poll ({@code intake_seen}) and each feed's last poll ({@code intake_feed}). Claims are
 * made by the holder of the feed's advisory lock; the partial unique index allows one live claim per file.
 */
@Component
class Claims {

	/** A file claimed by a poll and not finished yet. */
	record Claim(long id, String feed, long pollId, FeedFolder.Entry entry) {
	}

	private final JdbcTemplate jdbc;
	private final Clock clock;

	Claims(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new poll claiming {@code files}, in one transaction; returns its id. */
	@Transactional
	long newPoll(String feed, String firedBy, List<FeedFolder.Entry> files) {
		Timestamp now = now();
		long poll = jdbc.queryForObject("insert into intake_poll (feed, fired_by, started_at) values (?, ?, ?) returning id",
				Long.class, feed, firedBy, now);
		for (FeedFolder.Entry e : files) {
			jdbc.update("""
					insert into intake_file (feed, poll_id, file_name, size, modified, status, claimed_at)
					values (?, ?, ?, ?, ?, 'CLAIMED', ?)""", feed, poll, e.name(), e.size(), Timestamp.from(e.modified()), now);
		}
		return poll;
	}

	/** The polls of {@code feed} with files still CLAIMED: under the feed's lock, left by a process that died. */
	List<Long> pollsWithOpenClaims(String feed) {
		return jdbc.queryForList("select distinct poll_id from intake_file where feed = ? and status = 'CLAIMED' order by 1",
				Long.class, feed);
	}

	/** The files of {@code feed} still CLAIMED (a leftover poll that could not be finished now: not claimed twice). */
	java.util.Set<String> stillClaimed(String feed) {
		return new java.util.HashSet<>(jdbc.queryForList("select file_name from intake_file where feed = ? and status = 'CLAIMED'",
				String.class, feed));
	}

	Optional<Claim> nextOpen(String feed, long poll) {
		return jdbc.query("""
				select id, file_name, size, modified from intake_file
				where feed = ? and poll_id = ? and status = 'CLAIMED' order by id limit 1""",
				(rs, n) -> new Claim(rs.getLong(1), feed, poll,
						new FeedFolder.Entry(rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant())),
				feed, poll).stream().findFirst();
	}

	void finish(long claim, String status, String hash, Long importId, Integer accepted, Integer rejected,
			String archivedAs, String report, String message) {
		jdbc.update("""
				update intake_file set status = ?, content_hash = ?, import_id = ?, rows_accepted = ?, rows_rejected = ?,
				  archived_as = ?, report = ?, message = ?, finished_at = ? where id = ?""", status, hash, importId, accepted,
				rejected, archivedAs, report, message, now(), claim);
	}

	void fail(long claim, String hash, String message) {
		finish(claim, "FAILED", hash, null, null, null, null, null, message);
	}

	/**
	 * {@code complete: stable}: the files of {@code listed} whose size and modification time are what the
	 * last poll saw; remembers this listing for the next poll (and forgets files no longer there).
	 */
	@Transactional
	List<FeedFolder.Entry> unchangedSinceLastPoll(String feed, List<FeedFolder.Entry> listed) {
		Map<String, FeedFolder.Entry> before = new HashMap<>();
		jdbc.query("select file_name, size, modified from intake_seen where feed = ?",
				(ResultSet rs) -> {
					before.put(rs.getString(1), new FeedFolder.Entry(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()));
				}, feed);
		jdbc.update("delete from intake_seen where feed = ?", feed);
		List<FeedFolder.Entry> stable = new ArrayList<>();
		Timestamp now = now();
		for (FeedFolder.Entry e : listed) {
			if (e.equals(before.get(e.name()))) {
				stable.add(e);
			}
			jdbc.update("""
					insert into intake_seen (feed, file_name, size, modified, first_seen) values (?, ?, ?, ?, ?)""", feed,
					e.name(), e.size(), Timestamp.from(e.modified()), now);
		}
		return stable;
	}

	void recordPoll(String feed, String result) {
		jdbc.update("""
				insert into intake_feed (feed, last_poll_at, last_result) values (?, ?, ?)
				on conflict (feed) do update set last_poll_at = excluded.last_poll_at, last_result = excluded.last_result""",
				feed, now(), result);
	}

	/** The last poll of a feed: when and what it found (null: never polled). */
	record LastPoll(Instant at, String result) {
	}

	Optional<LastPoll> lastPoll(String feed) {
		return jdbc.query("select last_poll_at, last_result from intake_feed where feed = ?",
				(rs, n) -> new LastPoll(rs.getTimestamp(1).toInstant(), rs.getString(2)), feed).stream().findFirst();
	}

	List<ReceivedFile> ofPoll(long poll) {
		return jdbc.query(SELECT + " where poll_id = ? order by id", Claims::received, poll);
	}

	List<ReceivedFile> recent(String feed, int limit) {
		return jdbc.query(SELECT + " where feed = ? order by id desc limit ?", Claims::received, feed, limit);
	}

	private static final String SELECT = """
			select id, feed, poll_id, file_name, size, status, import_id, rows_accepted, rows_rejected, archived_as, report,
			  message, claimed_at, finished_at from intake_file""";

	private static ReceivedFile received(ResultSet rs, int n) throws SQLException {
		Timestamp finished = rs.getTimestamp(14);
		return new ReceivedFile(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getString(6),
				(Long) rs.getObject(7), (Integer) rs.getObject(8), (Integer) rs.getObject(9), rs.getString(10), rs.getString(11),
				rs.getString(12), rs.getTimestamp(13).toInstant(), finished == null ? null : finished.toInstant());
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}
}
