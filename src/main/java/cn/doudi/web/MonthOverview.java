package cn.doudi.web;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.doudi.ingest.Freshness;
import cn.doudi.ingest.Regions;
import cn.doudi.ingest.RosterImports;
import cn.doudi.ingest.Source;
import cn.doudi.ingest.StaleSource;
import cn.doudi.payroll.PayrollRuns;
import cn.doudi.payroll.RunReviews;
import cn.doudi.payroll.RunTotals;
import cn.doudi.review.FindingQuery;
import cn.doudi.review.FindingReviews;
import cn.doudi.review.FindingView;
import cn.doudi.security.AccessControl;
import cn.doudi.security.User;

/**
 * 本月概览, the home page of every role: per county of the user's scope (every county for a city-wide user)
 * the month's state — each source's last arrival (stale ones marked, {@link Freshness}), the run's status and
 * who released and approved it when, lines and amounts paid and held by program with a bar chart (inline SVG,
 * drawn here: no script), the open findings by code, the bank's pending and failed lines — with links to act.
 * Every figure is read through the owning module's façade, with the user's county scope.
 */
@Controller
class MonthOverview {

	/** One source's last arrival. */
	record Arrival(String source, String at, boolean stale, String warning) {
	}

	/** One program's line of the month (amounts formatted) and its bar's width in the chart (0–100). */
	record ProgramLine(String program, String linesPaid, String amountPaid, String linesHeld, String amountHeld, int paidBar,
			int heldBar) {
	}

	/** A finding code with its Chinese name and how many are open. */
	record OpenFindings(String code, String name, long count) {
	}

	/** A failed bank line (ID masked). */
	record Failed(String batchNo, String householdId, String name, String idNumber, String program, String amount,
			String bank, String reason) {
	}

	/** One county's month. */
	record County(String code, String name, RunTotals run, String status, String createdBy, String releasedBy,
			String releasedAt, String approvedBy, String approvedAt, String amountPaid, String amountHeld,
			List<ProgramLine> programs, List<OpenFindings> findings, long openFindings, long bankPending,
			List<Failed> failed, String waitingFor) {
	}

	private final PayrollRuns payroll;
	private final RunReviews reviews;
	private final FindingReviews findings;
	private final RosterImports imports;
	private final Freshness freshness;
	private final Regions regions;
	private final AccessControl access;

	MonthOverview(PayrollRuns payroll, RunReviews reviews, FindingReviews findings, RosterImports imports,
			Freshness freshness, Regions regions, AccessControl access) {
		this.payroll = payroll;
		this.reviews = reviews;
		this.findings = findings;
		this.imports = imports;
		this.freshness = freshness;
		this.regions = regions;
		this.access = access;
	}

	@GetMapping("/")
	String home(Principal principal, @RequestParam(required = false) String month, Model model) {
		User me = access.find(principal.getName())
			.orElseThrow(() -> new cn.doudi.security.AccessDeniedException("用户 " + principal.getName() + " 已停用"));
		List<String> counties = me.cityWide() ? payroll.counties() : List.of(me.county());
		List<RunTotals> all = payroll.runs(me.name(), me.county());
		YearMonth m = month == null || month.isBlank()
				? all.stream().map(t -> t.run().month()).max(YearMonth::compareTo).orElse(YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")))
				: Inputs.month(month);
		Map<String, String> names = regions.names();
		List<County> rows = new ArrayList<>();
		for (String c : counties) {
			rows.add(county(me, c, m, all, names));
		}
		model.addAttribute("month", m);
		model.addAttribute("previousMonth", m.minusMonths(1));
		model.addAttribute("nextMonth", m.plusMonths(1));
		model.addAttribute("scope", ReviewLabels.county(names, me.county()));
		model.addAttribute("counties", rows);
		model.addAttribute("arrivals", arrivals());
		return "home";
	}

	private List<Arrival> arrivals() {
		Map<Source, Instant> last = imports.lastArrivals();
		Map<Source, StaleSource> stale = freshness.staleSources().stream()
			.collect(Collectors.toMap(StaleSource::source, s -> s, (a, b) -> a));
		List<Arrival> out = new ArrayList<>();
		for (Source s : Source.values()) {
			StaleSource st = stale.get(s);
			out.add(new Arrival(s.title(), last.containsKey(s) ? ReviewLabels.time(last.get(s)) : "从未导入", st != null,
					st == null ? "" : st.warning()));
		}
		return out;
	}

	private County county(User me, String c, YearMonth m, List<RunTotals> all, Map<String, String> names) {
		RunTotals run = all.stream().filter(t -> t.run().county().equals(c) && t.run().month().equals(m)).findFirst().orElse(null);
		List<FindingView> open = findings.list(me.name(), new FindingQuery(c, null, null));
		Map<String, Long> byCode = new TreeMap<>(open.stream().collect(Collectors.groupingBy(FindingView::code, Collectors.counting())));
		List<OpenFindings> f = byCode.entrySet().stream()
			.map(e -> new OpenFindings(e.getKey(), ReviewLabels.finding(e.getKey()), e.getValue()))
			.toList();
		if (run == null) {
			return new County(c, ReviewLabels.county(names, c), null, "本月尚未计算", "", "", "", "", "", "0.00", "0.00", List.of(), f,
					open.size(), 0, List.of(), "财务人员执行月结");
		}
		long id = run.run().id();
		RunReviews.Steps steps = reviews.steps(me.name(), id);
		List<RunReviews.ProgramTotal> totals = reviews.byProgram(me.name(), id);
		BigDecimal max = totals.stream().map(t -> t.amountPaid().add(t.amountHeld())).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
		List<ProgramLine> programs = totals.stream()
			.map(t -> new ProgramLine(ReviewLabels.program(t.program()), ReviewLabels.count(t.linesPaid()), ReviewLabels.money(t.amountPaid()),
					ReviewLabels.count(t.linesHeld()), ReviewLabels.money(t.amountHeld()), bar(t.amountPaid(), max), bar(t.amountHeld(), max)))
			.toList();
		List<Failed> failed = reviews.bankFailed(me.name(), id).stream()
			.map(l -> new Failed(l.batchNo(), l.householdId(), l.name(), ReviewLabels.masked(l.idNumber()), ReviewLabels.program(l.program()),
					ReviewLabels.money(l.amount()), ReviewLabels.bank(l.bank()), l.reason().isBlank() ? "（银行未说明）" : l.reason()))
			.toList();
		String status = Viewer.STATUSES.getOrDefault(run.run().status().name(), run.run().status().name());
		String waiting = switch (run.run().status()) {
			case DRAFT -> "财务人员核对后提交审批";
			case RELEASED -> "另一名财务人员审批（提交人 " + run.run().releasedBy() + " 不能审批）";
			case APPROVED -> "银行回盘";
			case RUNNING, FAILED -> "财务人员重新执行月结";
			default -> "";
		};
		return new County(c, ReviewLabels.county(names, c), run, status, steps.createdBy(), nz(steps.releasedBy()),
				ReviewLabels.time(steps.releasedAt()), nz(steps.approvedBy()), ReviewLabels.time(steps.approvedAt()),
				ReviewLabels.money(run.amountPaid()), ReviewLabels.money(run.amountHeld()), programs, f, open.size(),
				reviews.bankPending(me.name(), id), failed, waiting);
	}

	private static int bar(BigDecimal amount, BigDecimal max) {
		if (max.signum() == 0) {
			return 0;
		}
		return amount.multiply(BigDecimal.valueOf(100)).divide(max, 0, java.math.RoundingMode.HALF_UP).intValue();
	}

	private static String nz(String s) {
		return s == null ? "—" : s;
	}

}
