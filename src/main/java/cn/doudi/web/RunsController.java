package cn.doudi.web;

import java.security.Principal;
import java.time.YearMonth;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.doudi.ingest.Regions;
import cn.doudi.kernel.Terms;
import cn.doudi.payroll.MonthEndRefusedException;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.PayrollRuns;
import cn.doudi.payroll.RunTotals;
import cn.doudi.security.AccessControl;
import cn.doudi.security.User;

/**
 * 发放批次: the runs of the user's county (a city-wide user: every county, or one), a run's totals and
 * files, month-end (queued, its progress polled), release and approve. Every read and action goes
 * through {@link PayrollRuns}, which refuses another county or a missing role as the command line does;
 * the maker–checker refusal is the façade's, shown in its words.
 */
@Controller
class RunsController {

	private final PayrollRuns payroll;
	private final MonthEndJobs jobs;
	private final RunFiles files;
	private final AccessControl access;
	private final RunReview review;
	private final Regions regions;

	RunsController(PayrollRuns payroll, MonthEndJobs jobs, RunFiles files, AccessControl access, RunReview review,
			Regions regions) {
		this.review = review;
		this.regions = regions;
		this.payroll = payroll;
		this.jobs = jobs;
		this.files = files;
		this.access = access;
	}

	@GetMapping("/runs")
	String runs(Principal principal, @RequestParam(required = false) String county, Model model) {
		User me = user(principal);
		String scope = county == null || county.isBlank() ? me.county() : Inputs.county(county);
		model.addAttribute("runs", payroll.runs(me.name(), scope));
		model.addAttribute("county", scope);
		model.addAttribute("counties", me.cityWide() ? payroll.counties() : List.of(me.county()));
		model.addAttribute("jobs", jobs.recent(me.name()));
		// the month as the bureau counts it (Beijing), whatever the server's zone
		model.addAttribute("defaultMonth", YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
		return "runs";
	}

	@GetMapping("/runs/{id}")
	String run(Principal principal, @PathVariable long id, @RequestParam(defaultValue = "1") String hp,
			@RequestParam(defaultValue = "1") String np, @RequestParam(defaultValue = "1") String sp, Model model) {
		RunTotals run = payroll.run(principal.getName(), id);
		review.fill(principal.getName(), run, RunReview.page(hp), RunReview.page(np), RunReview.page(sp), model);
		model.addAttribute("files", files.list(principal.getName(), run).stream().map(f -> review.named(run, f)).toList());
		model.addAttribute("reports", MonthReports.REPORTS);
		model.addAttribute("stale", payroll.staleData(principal.getName(), id));
		return "run";
	}

	/**
	 * The confirmation step before release or approve (a page: it works without script): the run's totals by
	 * program and by bank once more, and the one button that does it. Shown only to who may press it.
	 */
	@GetMapping("/runs/{id}/confirm/{action}")
	String confirm(Principal principal, @PathVariable long id, @PathVariable String action, Model model) {
		RunTotals run = payroll.run(principal.getName(), id);
		if (!action.equals("release") && !action.equals("approve")) {
			throw new WebErrors.NotFound("没有这个操作：" + Inputs.shown(action));
		}
		files.requireFinance(principal.getName(), run.run().county());
		review.fill(principal.getName(), run, 1, 1, 1, model);
		model.addAttribute("action", action);
		return "run-confirm";
	}

	@PostMapping("/runs/month-end")
	String monthEnd(Principal principal, @RequestParam String county, @RequestParam String month) {
		YearMonth m = Inputs.month(month);
		String c = Inputs.county(county);
		jobs.start(principal.getName(), c, m);
		return "redirect:/runs/month-end/" + c + "/" + m;
	}

	/**
	 * The month-end of a county and month, as the job repository has it (the same from every {@code serve}
	 * and after a restart); without script the page refreshes itself, with it the page polls {@link #progress}.
	 */
	@GetMapping("/runs/month-end/{county}/{month}")
	String job(Principal principal, @PathVariable String county, @PathVariable String month, Model model) {
		model.addAttribute("job", status(principal, county, month));
		return "job";
	}

	@GetMapping(path = "/runs/month-end/{county}/{month}/progress", produces = "application/json")
	@ResponseBody
	MonthEndJobs.Status progress(Principal principal, @PathVariable String county, @PathVariable String month) {
		return status(principal, county, month);
	}

	private MonthEndJobs.Status status(Principal principal, String county, String month) {
		return jobs.status(principal.getName(), Inputs.county(county), Inputs.month(month))
			.orElseThrow(() -> new WebErrors.NotFound("该区县该月尚未执行过月结"));
	}

	@PostMapping("/runs/{id}/release")
	String release(Principal principal, @PathVariable long id, @RequestParam(defaultValue = "false") boolean confirmed,
			RedirectAttributes flash) {
		return confirmedStep(principal, id, confirmed, "release", flash,
				t -> "已提交 " + named(payroll.release(t.run().county(), t.run().month(), principal.getName()))
						+ "，须由另一名财务人员审批");
	}

	@PostMapping("/runs/{id}/approve")
	String approve(Principal principal, @PathVariable long id, @RequestParam(defaultValue = "false") boolean confirmed,
			RedirectAttributes flash) {
		return confirmedStep(principal, id, confirmed, "approve", flash,
				t -> "已审批 " + named(payroll.approve(t.run().county(), t.run().month(), principal.getName()))
						+ "，批次已生效");
	}

	/**
	 * A finance step on a run that a person confirms first: without {@code confirmed} the confirmation page of
	 * the step; with it the step itself, its answer or refusal shown on the run's page.
	 */
	private String confirmedStep(Principal principal, long id, boolean confirmed, String step, RedirectAttributes flash,
			java.util.function.Function<RunTotals, String> action) {
		RunTotals t = payroll.run(principal.getName(), id);
		files.requireFinance(principal.getName(), t.run().county());
		if (!confirmed) {
			return "redirect:/runs/" + id + "/confirm/" + step;
		}
		return act(flash, id, () -> action.apply(t));
	}

	/**
	 * Revokes the county's latest approved run, with a reason (audited), so that the month can be re-run;
	 * the façade refuses a run that is not the latest approved one or that the bank has answered for.
	 */
	@PostMapping("/runs/{id}/revoke")
	String revoke(Principal principal, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes flash) {
		RunTotals t = payroll.run(principal.getName(), id);
		if (reason.isBlank()) {
			flash.addFlashAttribute("error", "撤销须说明原因");
			return "redirect:/runs/" + id;
		}
		return act(flash, id, () -> "已撤销 " + named(payroll.revoke(t.run().county(), t.run().month(), principal.getName(),
				reason.strip())) + "，该月可以重新计算；其正式代发文件已移出 bank/");
	}

	/** The run as a person names it: {@code 中原区（410102） 2026-10 第 1 次计算}. */
	private String named(PayrollRun run) {
		return Terms.run(run.county(), regions.names().get(run.county()), run.month(), run.revision());
	}

	/** Runs a maker–checker step; the façade's refusal (e.g. the same user approving) is shown on the run's page. */
	private static String act(RedirectAttributes flash, long id, java.util.function.Supplier<String> action) {
		try {
			flash.addFlashAttribute("info", action.get());
		}
		catch (MonthEndRefusedException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/runs/" + id;
	}

	private User user(Principal principal) {
		return access.find(principal.getName())
			.orElseThrow(() -> new cn.doudi.security.AccessDeniedException("用户 " + principal.getName() + " 已停用"));
	}
}
