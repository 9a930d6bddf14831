package cn.doudi.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.doudi.ingest.Regions;
import cn.doudi.payroll.PaymentLineView;
import cn.doudi.payroll.RunReviews;
import cn.doudi.payroll.RunTotals;
import cn.doudi.security.AccessControl;
import cn.doudi.security.Permission;
import cn.doudi.security.User;

/**
 * The run page as the approver's review ({@link RunsController}): totals by program and by bank with thousands
 * separators, the change from last month with the new and stopped households (paged), the held lines (paged,
 * IDs masked, reasons in Chinese), who released and approved when, and which of release, approve and revoke the
 * viewer may press (FINANCE of the county; the releaser is not offered approve — the façade would refuse it).
 */
@Component
class RunReview {

	static final int PAGE = 20;

	/** A program's or bank's line of the breakdown, formatted. */
	record Line(String name, String linesPaid, String amountPaid, String linesHeld, String amountHeld) {
	}

	/** A held line as the review lists it (ID and account masked, reasons in words). */
	record Held(String householdId, String name, String idNumber, String program, String payMonth, String amount,
			String reason) {
	}

	/** A household new or stopped since last month. */
	record Household(String householdId, String name, String idNumber, String program) {
	}

	/** One page of a list: its rows, the page, the number of pages, the total. */
	record Page<T>(List<T> rows, int page, int pages, long total) {

		boolean hasPrevious() {
			return page > 1;
		}

		boolean hasNext() {
			return page < pages;
		}
	}

	/** A downloadable file of the run's folder with its Chinese name. */
	record NamedFile(String kind, String name, String title) {
	}

	private final RunReviews reviews;
	private final AccessControl access;
	private final Regions regions;

	RunReview(RunReviews reviews, AccessControl access, Regions regions) {
		this.reviews = reviews;
		this.access = access;
		this.regions = regions;
	}

	static int page(String value) {
		if (value == null || !value.matches("\\d{1,6}") || Integer.parseInt(value) < 1) {
			throw new WebErrors.BadRequest("页码应为正整数：" + Inputs.shown(value == null ? "" : value));
		}
		return Integer.parseInt(value);
	}

	void fill(String user, RunTotals t, int heldPage, int newPage, int stoppedPage, Model model) {
		long id = t.run().id();
		User me = access.find(user).orElseThrow();
		Map<String, String> names = regions.names();
		model.addAttribute("t", t);
		model.addAttribute("countyName", ReviewLabels.county(names, t.run().county()));
		model.addAttribute("amountPaid", ReviewLabels.money(t.amountPaid()));
		model.addAttribute("amountHeld", ReviewLabels.money(t.amountHeld()));
		model.addAttribute("linesPaid", ReviewLabels.count(t.linesPaid()));
		model.addAttribute("linesHeld", ReviewLabels.count(t.linesHeld()));
		RunReviews.Steps steps = reviews.steps(user, id);
		model.addAttribute("steps", steps);
		model.addAttribute("createdAt", ReviewLabels.time(steps.createdAt()));
		model.addAttribute("releasedAt", ReviewLabels.time(steps.releasedAt()));
		model.addAttribute("approvedAt", ReviewLabels.time(steps.approvedAt()));
		model.addAttribute("byProgram", reviews.byProgram(user, id).stream()
			.map(p -> new Line(ReviewLabels.program(p.program()), ReviewLabels.count(p.linesPaid()), ReviewLabels.money(p.amountPaid()),
					ReviewLabels.count(p.linesHeld()), ReviewLabels.money(p.amountHeld())))
			.toList());
		model.addAttribute("byBank", reviews.byBank(user, id).stream()
			.map(b -> new Line(ReviewLabels.bank(b.bank()), ReviewLabels.count(b.lines()), ReviewLabels.money(b.amount()), "", ""))
			.toList());
		RunReviews.Change change = reviews.change(user, id);
		model.addAttribute("change", change);
		model.addAttribute("current", figures(change.current()));
		model.addAttribute("previous", change.previous() == null ? null : figures(change.previous()));
		model.addAttribute("delta", change.previous() == null ? null : delta(change.previous(), change.current()));
		model.addAttribute("added", page(change.added().stream().map(RunReview::household).toList(), newPage));
		model.addAttribute("stopped", page(change.stopped().stream().map(RunReview::household).toList(), stoppedPage));
		long heldTotal = reviews.heldCount(user, id);
		int heldPages = (int) Math.max(1, (heldTotal + PAGE - 1) / PAGE);
		int hp = Math.min(heldPage, heldPages);
		List<Held> held = reviews.held(user, id, (hp - 1) * PAGE, PAGE).stream().map(RunReview::held).toList();
		model.addAttribute("held", new Page<>(held, hp, heldPages, heldTotal));
		boolean finance = Permission.RUN_PAYROLL.heldBy(me.role()) && me.covers(t.run().county());
		String status = t.run().status().name();
		model.addAttribute("mayRelease", finance && status.equals("DRAFT"));
		model.addAttribute("mayApprove", finance && status.equals("RELEASED") && !user.equals(t.run().releasedBy()));
		model.addAttribute("awaitsOther", finance && status.equals("RELEASED") && user.equals(t.run().releasedBy()));
		model.addAttribute("mayRevoke", finance && status.equals("APPROVED"));
		model.addAttribute("finance", finance);
	}

	/** The Chinese title of a file of the run's folder (the bank's name, the village's notice …). */
	NamedFile named(RunTotals t, RunFiles.RunFile f) {
		String n = f.name();
		if (f.kind().equals("bank")) {
			String bank = n.contains("-") ? n.substring(0, n.indexOf('-')) : n;
			String title = n.endsWith(".pain.001.xml") ? "代发文件（pain.001 汇总格式）"
					: n.startsWith("MANIFEST") ? "代发文件校验清单" : "代发文件：" + ReviewLabels.bank(bank);
			return new NamedFile(f.kind(), n, title + (n.contains(".draft") || n.contains("DRAFT") ? "（草稿）" : ""));
		}
		Map<String, String> names = regions.names();
		String base = n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : n;
		String ext = n.contains(".") ? n.substring(n.lastIndexOf('.') + 1).toUpperCase(java.util.Locale.ROOT) : "";
		String title;
		if (base.startsWith("stops-")) {
			title = "停发告知书";
		}
		else {
			String code = base.contains("-") ? base.substring(0, base.indexOf('-')) : base;
			title = "公示：" + names.getOrDefault(code, code);
		}
		return new NamedFile(f.kind(), n, title + "（" + ext + "）");
	}

	private static Map<String, String> figures(RunReviews.Figures f) {
		return Map.of("households", ReviewLabels.count(f.households()), "people", ReviewLabels.count(f.people()), "amount",
				ReviewLabels.money(f.amount()));
	}

	private static Map<String, String> delta(RunReviews.Figures before, RunReviews.Figures now) {
		return Map.of("households", signed(now.households() - before.households()), "people",
				signed(now.people() - before.people()), "amount", (now.amount().compareTo(before.amount()) > 0 ? "+" : "")
						+ ReviewLabels.money(now.amount().subtract(before.amount())));
	}

	private static String signed(long n) {
		return (n > 0 ? "+" : "") + ReviewLabels.count(n);
	}

	private static Household household(RunReviews.Household h) {
		return new Household(h.householdId(), h.name(), ReviewLabels.masked(h.idNumber()), ReviewLabels.program(h.program()));
	}

	private static Held held(PaymentLineView l) {
		return new Held(l.householdId(), l.name(), ReviewLabels.masked(l.idNumber()), ReviewLabels.program(l.program()),
				l.payMonth().toString(), ReviewLabels.money(l.amount()), ReviewLabels.reasons(l.reason()));
	}

	private static <T> Page<T> page(List<T> all, int page) {
		int pages = Math.max(1, (all.size() + PAGE - 1) / PAGE);
		int p = Math.min(page, pages);
		return new Page<>(all.stream().skip((long) (p - 1) * PAGE).limit(PAGE).toList(), p, pages, all.size());
	}
}
