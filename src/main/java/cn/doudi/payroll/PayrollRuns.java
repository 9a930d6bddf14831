package cn.doudi.payroll;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.doudi.database.TableStatistics;
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
 */
@Service
public class PayrollRuns {

	private final RunStore runs;
	private final MonthEndJobLauncher launcher;
	private final AccessControl access;
	private final AuditLog audit;
	private final JdbcTemplate jdbc;
	private final ApplicationEventPublisher events;
	private final TableStatistics statistics;

	PayrollRuns(RunStore runs, MonthEndJobLauncher launcher, AccessControl access, AuditLog audit, JdbcTemplate jdbc,
			ApplicationEventPublisher events, TableStatistics statistics) {
		this.statistics = statistics;
		this.runs = runs;
		this.launcher = launcher;
		this.access = access;
		this.audit = audit;
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Counties of the system: those with a {@code standards} row. */
	public List<String> counties() {
		return jdbc.queryForList("select distinct county from current_standard order by county", String.class);
	}

	/**
	 * Computes the draft run of {@code county} for {@code month}. Refused (MonthEndRefusedException) when
	 * the month is out of order or already approved. A failed or interrupted attempt is restarted.
	 */
	public PayrollRun monthEnd(String county, YearMonth month, LocalDate payDate, String user) {
		access.require(user, Permission.RUN_PAYROLL, county);
		checkOrder(county, month);
		Optional<PayrollRun> existing = runs.current(county, month);
		long runId;
		int revision;
		if (existing.isPresent() && (existing.get().status() == RunStatus.RUNNING
				|| existing.get().status() == RunStatus.FAILED)) {
			runId = existing.get().id();
			revision = existing.get().revision();
			runs.setPayDate(runId, payDate);
			runs.setStatus(runId, RunStatus.RUNNING);
		}
		else {
			if (existing.isPresent()) {
				PayrollRun old = existing.get();
				if (old.status() == RunStatus.APPROVED) {
					throw new MonthEndRefusedException(county + " " + month + " 的发放批次 " + old.batchNo()
							+ " 已审批，不能重新计算（如需重算，先 revoke 撤销）");
				}
				runs.setStatus(old.id(), RunStatus.REPLACED);
				audit.record(user, "RUN_REPLACED", county, old.batchNo(), "draft replaced by a re-run");
			}
			revision = runs.nextRevision(county, month);
			runId = runs.insert(county, month, revision, payDate, user);
		}
		statistics.refresh();
		boolean completed = launcher.run(runId, county, month, revision);
		runs.setStatus(runId, completed ? RunStatus.DRAFT : RunStatus.FAILED);
		PayrollRun run = runs.byId(runId).orElseThrow();
		audit.record(user, "RUN", county, run.batchNo(), completed ? "draft computed" : "job failed");
		if (!completed) {
			throw new IllegalStateException(county + " " + month + " 月结作业失败，可重新执行 month-end 从断点继续");
		}
		events.publishEvent(new PayrollRunDrafted(run.id(), county, month));
		return run;
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

	/** The maker: a FINANCE user releases the draft for approval. */
	public PayrollRun release(String county, YearMonth month, String user) {
		access.require(user, Permission.RUN_PAYROLL, county);
		PayrollRun run = liveRun(county, month);
		if (run.status() != RunStatus.DRAFT) {
			throw new MonthEndRefusedException("发放批次 " + run.batchNo() + " 的状态是 " + run.status() + "，只有草稿可以提交");
		}
		runs.released(run.id(), user);
		audit.record(user, "RELEASE", county, run.batchNo(), null);
		return runs.byId(run.id()).orElseThrow();
	}

	/**
	 * The checker: another FINANCE user approves; the run becomes final and its PAY lines paid. One
	 * transaction with its listeners (the final bank files): if they cannot be written, the run stays
	 * RELEASED.
	 */
	@Transactional
	public PayrollRun approve(String county, YearMonth month, String user) {
		access.require(user, Permission.RUN_PAYROLL, county);
		PayrollRun run = liveRun(county, month);
		if (run.status() != RunStatus.RELEASED) {
			throw new MonthEndRefusedException("发放批次 " + run.batchNo() + " 的状态是 " + run.status() + "，须先 release 提交");
		}
		if (user.equals(run.releasedBy())) {
			throw new MonthEndRefusedException("审批人不能与提交人相同（" + user + "）：须由另一名财务人员审批");
		}
		runs.approved(run.id(), user);
		audit.record(user, "APPROVE", county, run.batchNo(), "released by " + run.releasedBy());
		PayrollRun approved = runs.byId(run.id()).orElseThrow();
		events.publishEvent(new PayrollRunApproved(approved.id(), county, month));
		return approved;
	}

	/**
	 * Revokes the county's latest approved run (audited, with a reason), so that month can be re-run.
	 * Refused once the bank has returned any of its lines (bank-return): the money may have left, and a
	 * re-run would pay it again. A later month's draft (or released, not approved) run is revoked with it
	 * (audited): it was computed on the revoked month. {@link PayrollRunRevoked} lets the disbursement module take the run's
	 * final bank files out of the month's {@code bank/} folder, in the same transaction: if they cannot
	 * be moved, the run stays approved.
	 */
	@Transactional
	public PayrollRun revoke(String county, YearMonth month, String user, String reason) {
		access.require(user, Permission.RUN_PAYROLL, county);
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("撤销须说明原因（--reason）");
		}
		PayrollRun latest = runs.latestApproved(county)
			.orElseThrow(() -> new MonthEndRefusedException(county + " 没有已审批的发放批次"));
		if (!latest.month().equals(month)) {
			throw new MonthEndRefusedException("只能撤销本县区最近一个已审批批次（" + latest.month() + "，" + latest.batchNo() + "）");
		}
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
			runs.revoked(later.id(), user, why);
			audit.record(user, "REVOKE", county, later.batchNo(), why);
		}
		runs.revoked(latest.id(), user, reason);
		audit.record(user, "REVOKE", county, latest.batchNo(), reason);
		events.publishEvent(new PayrollRunRevoked(latest.id(), county, month, latest.batchNo()));
		return runs.byId(latest.id()).orElseThrow();
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

	/** Records where the run's files were written. */
	public void recordOutputFolder(long runId, String folder) {
		jdbc.update("update payroll_run set out_dir = ? where id = ?", folder, runId);
	}

	private PayrollRun liveRun(String county, YearMonth month) {
		return runs.current(county, month)
			.filter(r -> r.status() != RunStatus.RUNNING && r.status() != RunStatus.FAILED)
			.orElseThrow(() -> new MonthEndRefusedException(county + " " + month + " 没有可操作的发放批次（先执行 month-end）"));
	}
}
