package cn.doudi.payroll;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.doudi.database.TableStatistics;
import cn.doudi.kernel.FailPoint;
import cn.doudi.kernel.Money;
import cn.doudi.payroll.batch.MonthEndJobLauncher;
import cn.doudi.security.AccessControl;
import cn.doudi.security.AuditLog;
import cn.doudi.security.Permission;

/**
 * The life of a payroll run (RULES.md "Runs in order", "Runs and re-runs"; OUTPUTS.md {@code month-end},
 * {@code release}, {@code approve}, {@code revoke}). Months of a county run in order; a draft re-run
 * replaces the draft; release and approve are done by two different FINANCE users; only the county's
 * latest approved run can be revoked.
 * <p>
 * Safe under races and crashes: every change holds the county's lock ({@link CountyLocks}) from its
 * checks to its commit, so two clerks, a scheduler and the console never interleave on one county (the
 * loser is refused in one line, or sees the winner's result and is refused for it); each status change is
 * also guarded in SQL ({@code where id = ? and status = ?}, {@link RunStore}), with its audit event in its
 * transaction, so a lost race never writes a second event. A run is a DRAFT only once its files are
 * written (month-end commits the status with the folder, {@link MonthEnd}); the bank files of approve
 * and revoke are staged or set aside before the commit and put in place after it, and what a killed
 * process left is recovered ({@link RunFiles#recover}) before the next change of the county and when
 * any process starts.
 */
@Service
public class PayrollRuns {

	private static final Logger log = LoggerFactory.getLogger(PayrollRuns.class);

	/** The tables a month-end writes in bulk and reads back only by run ({@link #beforeJobs}). */
	private static final List<String> OWN_TABLES = List.of("payment_line", "stop_record");

	private final RunStore runs;
	private final MonthEndJobLauncher launcher;
	private final AccessControl access;
	private final AuditLog audit;
	private final JdbcTemplate jdbc;
	private final ApplicationEventPublisher events;
	private final TableStatistics statistics;
	private final CountyLocks locks;
	private final TransactionTemplate tx;
	private final List<RunFiles> files;

	PayrollRuns(RunStore runs, MonthEndJobLauncher launcher, AccessControl access, AuditLog audit, JdbcTemplate jdbc,
			ApplicationEventPublisher events, TableStatistics statistics, CountyLocks locks,
			PlatformTransactionManager transactionManager, List<RunFiles> files) {
		this.statistics = statistics;
		this.runs = runs;
		this.launcher = launcher;
		this.access = access;
		this.audit = audit;
		this.jdbc = jdbc;
		this.events = events;
		this.locks = locks;
		this.tx = new TransactionTemplate(transactionManager);
		this.files = files;
	}

	/** Counties of the system: those with a {@code standards} row. */
	public List<String> counties() {
		return jdbc.queryForList("select distinct county from current_standard order by county", String.class);
	}

	/**
	 * Prepares the run of {@code county} for {@code month} (its job, checks then lines, is run next by
	 * {@link MonthEnd} with the other counties' partitions), taking the county's lock in {@code held} first — before the order check, the choice of the revision and the insert — and keeping
	 * it: {@link MonthEnd} writes the files and commits the draft ({@link #drafted}) before it lets go. The run
	 * stays RUNNING until then. Refused (MonthEndRefusedException) when the month is out of order or already
	 * approved, or when another change holds the county past the wait or changed the month's run while this one
	 * waited (two month-ends at once: the second does not redo the first); a failed job is {@link #jobFailed}. A RUNNING run
	 * (a month-end killed in its job or before its draft's commit) or a run whose job FAILED is resumed with the
	 * same revision; a run whose files failed is computed again as the next revision.
	 */
	PayrollRun prepare(CountyLocks.Held held, String county, YearMonth month, LocalDate payDate, String user) {
		access.require(user, Permission.RUN_PAYROLL, county);
		Optional<PayrollRun> asked = runs.current(county, month);
		held.take(county);
		Optional<PayrollRun> found = runs.current(county, month);
		if (!asked.equals(found)) {
			// another month-end (or release, approve) of this month finished while this one waited for the lock:
			// its result stands, and is not redone behind the back of whoever asked for this one
			throw new MonthEndRefusedException(county + " " + month + " 的发放批次在等待期间已被另一操作处理（现为 "
					+ found.map(r -> r.batchNo() + "，" + describe(r)).orElse("无") + "）：本次未重算；如仍需重算，请再次执行 month-end");
		}
		recover(county);
		checkOrder(county, month);
		long runId = tx.execute(status -> {
			Optional<PayrollRun> existing = runs.current(county, month);
			if (existing.isPresent() && (existing.get().status() == RunStatus.RUNNING
					|| existing.get().status() == RunStatus.FAILED && !launcher.completed(existing.get().id(), county, month,
							existing.get().revision()))) {
				// killed (RUNNING) or failed in its job: the same job instance goes on from where it stopped
				PayrollRun left = existing.get();
				require(runs.restart(left.id(), left.status(), payDate), left);
				return left.id();
			}
			if (existing.isPresent()) {
				PayrollRun old = existing.get();
				if (old.status() == RunStatus.APPROVED) {
					throw new MonthEndRefusedException(county + " " + month + " 的发放批次 " + old.batchNo()
							+ " 已审批，不能重新计算（如需重算，先 revoke 撤销）");
				}
				// a draft (or released) run is re-run; a FAILED run whose files could not be written is computed
				// again (the inputs are corrected, the lines must be too)
				require(runs.replaced(old.id(), old.status()), old);
				audit.record(user, "RUN_REPLACED", county, old.batchNo(),
						old.status() == RunStatus.FAILED ? "files had failed: computed again" : "draft replaced by a re-run");
			}
			int revision = runs.nextRevision(county, month);
			return runs.insert(county, month, revision, payDate, user);
		});
		return runs.byId(runId).orElseThrow();
	}

	/**
	 * Before the month's jobs: the planner's statistics of the tables they read, once for all counties — but not
	 * of the month-end's own lines and stops, read back by run through their indexes: their statistics follow
	 * each import (TableStatistics), or are taken here when they have none at all.
	 */
	void beforeJobs() {
		statistics.refreshExcept(OWN_TABLES);
	}

	/**
	 * The job of a prepared run did not complete ({@code reason}, naming the county): the run becomes FAILED
	 * (audited) and is resumed by the next month-end with the same revision; returns the refusal to report.
	 */
	MonthEndRefusedException jobFailed(PayrollRun run, String user, String reason) {
		tx.executeWithoutResult(status -> {
			require(runs.failed(run.id()), run);
			String why = "job failed: " + reason;
			audit.record(user, "RUN", run.county(), run.batchNo(), why.length() > 500 ? why.substring(0, 500) : why);
		});
		return new MonthEndRefusedException(reason + "（" + run.batchNo() + "）");
	}

	/**
	 * Month-end's commit: the computed runs, whose files are now all in {@code folder}, become drafts with
	 * that folder (one transaction, audited). Until then they were RUNNING, and nothing could release them.
	 */
	List<PayrollRun> drafted(List<PayrollRun> computed, Path folder, String user) {
		String where = folder.toAbsolutePath().toString();
		List<PayrollRun> drafts = tx.execute(status -> computed.stream().map(run -> {
			require(runs.drafted(run.id(), where), run);
			audit.record(user, "RUN", run.county(), run.batchNo(), "draft computed");
			return runs.byId(run.id()).orElseThrow();
		}).toList());
		drafts.forEach(run -> events.publishEvent(new PayrollRunDrafted(run.id(), run.county(), run.month())));
		return drafts;
	}

	/**
	 * Month-end could not write the computed runs' files (a PAY line without a valid bank account, a full
	 * disk, …): they become FAILED (audited with the reason) and are computed again, as a new revision, by
	 * the next month-end — once the cause is put right.
	 */
	void filesFailed(List<PayrollRun> computed, String user, RuntimeException cause) {
		String why = "files failed: " + cause.getMessage();
		tx.executeWithoutResult(status -> computed.forEach(run -> {
			if (runs.failed(run.id())) {
				audit.record(user, "RUN", run.county(), run.batchNo(), why.length() > 500 ? why.substring(0, 500) : why);
			}
		}));
	}

	/** RULES.md "Runs in order": M is the county's first run month, or the run for M−1 is approved. */
	void checkOrder(String county, YearMonth month) {
		Optional<YearMonth> first = runs.firstRunMonth(county);
		if (first.isEmpty() || first.get().equals(month)) {
			return;
		}
		YearMonth previous = month.minusMonths(1);
		boolean previousApproved = runs.current(county, previous).map(r -> r.status() == RunStatus.APPROVED)
			.orElse(false);
		if (!previousApproved) {
			throw new MonthEndRefusedException(county + " " + month + " 不能计算：上月 " + previous
					+ " 的发放批次尚未审批（各月须按顺序发放，首月为 " + first.get() + "）");
		}
	}

	/** The maker: a FINANCE user releases the draft for approval; refused when its draft files are missing. */
	public PayrollRun release(String county, YearMonth month, String user) {
		access.require(user, Permission.RUN_PAYROLL, county);
		try (CountyLocks.Held held = locks.hold(county)) {
			recover(county);
			PayrollRun run = liveRun(county, month);
			if (run.status() != RunStatus.DRAFT) {
				throw new MonthEndRefusedException("发放批次 " + run.batchNo() + " " + describe(run) + "，只有草稿可以提交");
			}
			Path folder = folderOf(run);
			files.forEach(f -> f.checkDrafts(run, folder));
			tx.executeWithoutResult(status -> {
				require(runs.released(run.id(), user), run);
				audit.record(user, "RELEASE", county, run.batchNo(), null);
				FailPoint.reach("release.updated");
			});
			return runs.byId(run.id()).orElseThrow();
		}
	}

	/**
	 * The checker: another FINANCE user approves; the run becomes final and its PAY lines paid. Refused when
	 * the run's draft files are missing or changed. Its final bank files are written to a staging folder and
	 * recorded in the approving transaction, and moved into place (replacing the drafts) once it has
	 * committed: a kill before the commit leaves the run RELEASED with its drafts, a kill after it an APPROVED
	 * run whose finals the next command puts in place.
	 */
	public PayrollRun approve(String county, YearMonth month, String user) {
		access.require(user, Permission.RUN_PAYROLL, county);
		try (CountyLocks.Held held = locks.hold(county)) {
			recover(county);
			PayrollRun run = liveRun(county, month);
			if (run.status() != RunStatus.RELEASED) {
				throw new MonthEndRefusedException("发放批次 " + run.batchNo() + " " + describe(run)
						+ (run.status() == RunStatus.DRAFT ? "，须先 release 提交" : "，不能再审批"));
			}
			if (user.equals(run.releasedBy())) {
				throw new MonthEndRefusedException("审批人不能与提交人相同（" + user + "）：须由另一名财务人员审批");
			}
			Path folder = folderOf(run);
			files.forEach(f -> f.checkDrafts(run, folder));
			PayrollRun approved = committing(county, () -> tx.execute(status -> {
				require(runs.approved(run.id(), user), run);
				audit.record(user, "APPROVE", county, run.batchNo(), "released by " + run.releasedBy());
				PayrollRun now = runs.byId(run.id()).orElseThrow();
				files.forEach(f -> f.stageFinals(now, folder));
				FailPoint.reach("approve.staged");
				return now;
			}));
			FailPoint.reach("approve.committed");
			try {
				files.forEach(f -> f.placeFinals(approved, folder));
			}
			catch (RuntimeException e) {
				// the command line prints the root cause's message: this one is the message, the cause kept beside it
				IllegalStateException told = new IllegalStateException("发放批次 " + run.batchNo() + " 已审批，但正式代发文件未能全部移入 "
						+ folder + "/bank（" + e.getMessage() + "）：排除原因后执行任一 doudi 命令即可完成；在此之前不要发送该目录的文件");
				told.addSuppressed(e);
				throw told;
			}
			events.publishEvent(new PayrollRunApproved(approved.id(), county, month));
			return approved;
		}
	}

	/**
	 * Revokes the county's latest approved run (audited, with a reason), so that month can be re-run.
	 * Refused once the bank has returned any of its lines (bank-return): the money may have left, and a
	 * re-run would pay it again. A later month's draft (or released, not approved) run is revoked with it
	 * (audited): it was computed on the revoked month. The run's final bank files leave the month's
	 * {@code bank/} folder for {@code revoked/<batch no>/} before the revoke commits (a kill before the
	 * commit: the next command puts them back beside the still approved run).
	 */
	public PayrollRun revoke(String county, YearMonth month, String user, String reason) {
		access.require(user, Permission.RUN_PAYROLL, county);
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("撤销须说明原因（--reason）");
		}
		try (CountyLocks.Held held = locks.hold(county)) {
			recover(county);
			PayrollRun latest = runs.latestApproved(county)
				.orElseThrow(() -> new MonthEndRefusedException(county + " 没有已审批的发放批次"));
			if (!latest.month().equals(month)) {
				throw new MonthEndRefusedException("只能撤销本县区最近一个已审批批次（" + latest.month() + "，" + latest.batchNo() + "）");
			}
			Optional<Path> folder = runs.outDir(latest.id());
			PayrollRun revoked = committing(county, () -> tx.execute(status -> {
				// the run's row locked first: a bank return being read now (RunReader.lockApproved) has either
				// committed its marks, counted here, or waits and then finds the run revoked
				runs.lock(latest.id());
				Integer returned = jdbc.queryForObject(
						"select count(*) from payment_line where run_id = ? and bank_status is not null", Integer.class,
						latest.id());
				if (returned != null && returned > 0) {
					throw new MonthEndRefusedException("不能撤销 " + latest.batchNo() + "：银行已回盘（" + returned
							+ " 笔已处理），资金可能已经发放；重算会重复发放。请核对银行回盘，多发部分按追回处理");
				}
				// the later month's draft (never approved: this is the latest approved run) rests on the revoked
				// month; it is revoked with it (so that it neither stays current nor counts as the county's first run
				// month, RULES.md "Runs in order"), and that month is computed again later
				for (PayrollRun later : runs.laterUnapproved(county, month)) {
					String why = "withdrawn with " + latest.batchNo() + ": " + reason;
					require(runs.revoked(later.id(), later.status(), user, why), later);
					audit.record(user, "REVOKE", county, later.batchNo(), why);
				}
				require(runs.revoked(latest.id(), RunStatus.APPROVED, user, reason), latest);
				audit.record(user, "REVOKE", county, latest.batchNo(), reason);
				folder.ifPresent(f -> files.forEach(rf -> rf.setAsideFinals(latest, f)));
				FailPoint.reach("revoke.set-aside");
				return runs.byId(latest.id()).orElseThrow();
			}));
			events.publishEvent(new PayrollRunRevoked(latest.id(), county, month, latest.batchNo()));
			return revoked;
		}
	}

	/**
	 * At start (every command, the console, the scheduler): recovers the file steps killed processes left,
	 * county by county, skipping a county another live process holds (it finishes its own work, or the next
	 * change of the county recovers).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void recoverAtStart() {
		for (String county : runs.countiesWithFilesInMotion()) {
			try (CountyLocks.Held held = locks.holdIfFree(county)) {
				if (held != null) {
					recover(county);
				}
			}
			catch (RuntimeException e) {
				log.warn("{}: the bank files a killed process left could not be recovered now ({}); the next release, "
						+ "approve, revoke or month-end of the county tries again", county, e.getMessage());
			}
		}
	}

	/** Under the county's lock: turns what a killed approve or revoke left on disk into what the runs' status says. */
	private void recover(String county) {
		for (PayrollRun run : runs.withFilesInMotion(county)) {
			Path folder = runs.outDir(run.id()).orElseThrow();
			files.forEach(f -> f.recover(run, folder));
		}
	}

	/** Runs a transaction that moves files before it commits; when it does not commit, puts the files back. */
	private <T> T committing(String county, java.util.function.Supplier<T> transaction) {
		try {
			return transaction.get();
		}
		catch (RuntimeException e) {
			try {
				recover(county);
			}
			catch (RuntimeException again) {
				e.addSuppressed(again);
			}
			throw e;
		}
	}

	/** A guarded update that changed nothing: the run was no longer in the status read under the lock. */
	private void require(boolean changed, PayrollRun run) {
		if (!changed) {
			PayrollRun now = runs.byId(run.id()).orElse(run);
			throw new MonthEndRefusedException("发放批次 " + run.batchNo() + " 的状态已被另一操作改变（" + describe(now)
					+ "）：本次未做任何改动");
		}
	}

	private Path folderOf(PayrollRun run) {
		return runs.outDir(run.id()).orElseThrow(() -> new MonthEndRefusedException("发放批次 " + run.batchNo()
				+ " 没有月结文件（未记录输出目录）：重新执行 month-end 生成草稿后再提交"));
	}

	private static String describe(PayrollRun run) {
		return switch (run.status()) {
			case RUNNING -> "尚未完成月结（计算或文件未完成）";
			case FAILED -> "月结失败";
			case DRAFT -> "是草稿";
			case RELEASED -> "已提交（" + run.releasedBy() + "），待审批";
			case APPROVED -> "已审批（" + run.approvedBy() + "）";
			case REPLACED -> "已被重算替换";
			case REVOKED -> "已撤销";
		};
	}

	/** The live (DRAFT, RELEASED or APPROVED) runs of a month, by county. */
	public List<PayrollRun> liveRuns(YearMonth month) {
		return runs.liveRuns(month);
	}

	public Optional<PayrollRun> current(String county, YearMonth month) {
		return runs.current(county, month);
	}

	/**
	 * The runs of {@code county} (null: every county, for a city-wide user), newest month first, with
	 * their totals; REPLACED drafts are left out. Needs READ on the county.
	 */
	public List<RunTotals> runs(String user, String county) {
		access.require(user, Permission.READ, county);
		return jdbc.query("""
				select r.id, r.county, r.month, r.revision, r.batch_no, r.status, r.pay_date, r.released_by, r.approved_by,
				       r.created_by,
				       count(l.id) filter (where l.status = 'PAY'), coalesce(sum(l.amount) filter (where l.status = 'PAY'), 0),
				       count(l.id) filter (where l.status = 'HELD'), coalesce(sum(l.amount) filter (where l.status = 'HELD'), 0)
				from payroll_run r left join payment_line l on l.run_id = r.id
				where r.status <> 'REPLACED' and (cast(? as text) is null or r.county = ?)
				group by r.id
				order by r.month desc, r.county, r.revision desc
				""", (rs, i) -> new RunTotals(
				new PayrollRun(rs.getLong(1), rs.getString(2).trim(), YearMonth.parse(rs.getString(3)), rs.getInt(4),
						rs.getString(5), RunStatus.valueOf(rs.getString(6)), rs.getDate(7).toLocalDate(), rs.getString(8),
						rs.getString(9)),
				rs.getLong(11), Money.fen(rs.getBigDecimal(12)), rs.getLong(13), Money.fen(rs.getBigDecimal(14)),
				rs.getString(10)), county, county);
	}

	/** One run with its totals; needs READ on its county. */
	public RunTotals run(String user, long runId) {
		PayrollRun run = runs.byId(runId).orElseThrow(() -> new MonthEndRefusedException("没有编号为 " + runId + " 的发放批次"));
		return runs(user, run.county()).stream()
			.filter(t -> t.run().id() == runId)
			.findFirst()
			.orElseThrow(() -> new MonthEndRefusedException("发放批次 " + run.batchNo() + " 已被重算替换"));
	}

	/**
	 * The warnings about stale data the run carries (taken when its files were first written); needs READ on
	 * its county. Empty when the data was fresh, or for a run written before runs kept them.
	 */
	public List<StaleData> staleData(String user, long runId) {
		run(user, runId);
		String kept = jdbc.queryForObject("select stale_sources from payroll_run where id = ?", String.class, runId);
		return StaleData.decode(kept, MonthEndFiles::sourceTitle);
	}

	private PayrollRun liveRun(String county, YearMonth month) {
		PayrollRun run = runs.current(county, month)
			.orElseThrow(() -> new MonthEndRefusedException(county + " " + month + " 没有可操作的发放批次（先执行 month-end）"));
		if (run.status() == RunStatus.RUNNING || run.status() == RunStatus.FAILED) {
			throw new MonthEndRefusedException("发放批次 " + run.batchNo() + " " + describe(run)
					+ "：重新执行 month-end 从断点继续，完成后才能提交、审批");
		}
		return run;
	}
}
