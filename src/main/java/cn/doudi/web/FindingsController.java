package cn.doudi.web;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.Arrays;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.doudi.kernel.FindingCode;
import cn.doudi.review.FindingQuery;
import cn.doudi.review.FindingReviews;
import cn.doudi.review.FindingView;
import cn.doudi.review.ReviewRefusedException;

/**
 * 疑点核查: the findings of the user's county (filter by code and status), one finding with its
 * decisions, and the monitor's dismiss / confirm / recover with a note — all through
 * {@link FindingReviews}, which masks lists, shows whole numbers only to a MONITOR or AUDITOR of the
 * county and refuses another county or a missing role exactly as {@code doudi findings} does.
 */
@Controller
class FindingsController {

	private final FindingReviews reviews;

	FindingsController(FindingReviews reviews) {
		this.reviews = reviews;
	}

	@GetMapping("/findings")
	String list(Principal principal, @RequestParam(required = false) String county,
			@RequestParam(required = false) String code, @RequestParam(required = false) String status, Model model) {
		String c = blank(county) ? null : Inputs.county(county);
		String k = blank(code) ? null : Inputs.findingCode(code);
		String s = blank(status) ? null : Inputs.findingStatus(status);
		model.addAttribute("findings", reviews.list(principal.getName(), new FindingQuery(c, k, s)));
		model.addAttribute("county", c);
		model.addAttribute("code", k);
		model.addAttribute("status", s == null ? "OPEN" : s);
		model.addAttribute("codes", Arrays.stream(FindingCode.values()).map(Enum::name).toList());
		return "findings";
	}

	@GetMapping("/findings/{id}")
	String show(Principal principal, @PathVariable long id, Model model) {
		FindingView f = reviews.show(principal.getName(), id);
		model.addAttribute("f", f);
		model.addAttribute("dismissable", FindingCode.valueOf(f.code()).dismissable());
		model.addAttribute("overpaid", f.code().equals(FindingCode.OVERPAID.name()));
		model.addAttribute("open", f.status().equals("OPEN") || f.status().equals("CONFIRMED"));
		return "finding";
	}

	@PostMapping("/findings/{id}/dismiss")
	String dismiss(Principal principal, @PathVariable long id, @RequestParam(defaultValue = "") String note,
			RedirectAttributes flash) {
		return decide(flash, id, () -> reviews.dismiss(principal.getName(), id, note), "已排除");
	}

	@PostMapping("/findings/{id}/confirm")
	String confirm(Principal principal, @PathVariable long id, @RequestParam(defaultValue = "") String note,
			RedirectAttributes flash) {
		return decide(flash, id, () -> reviews.confirm(principal.getName(), id, note), "已确认");
	}

	@PostMapping("/findings/{id}/recover")
	String recover(Principal principal, @PathVariable long id, @RequestParam(defaultValue = "") String note,
			@RequestParam(defaultValue = "") String amount, RedirectAttributes flash) {
		BigDecimal a = Inputs.amount(amount);
		if (a == null) {
			flash.addFlashAttribute("error", "追回金额应为数字（元，最多两位小数，不超过 999999999999.99）");
			return "redirect:/findings/" + id;
		}
		return decide(flash, id, () -> reviews.recover(principal.getName(), id, a, note), "已登记追回");
	}

	/** A decision; the review rules' refusal (no note, closed, not dismissable) is shown on the finding's page. */
	private static String decide(RedirectAttributes flash, long id, java.util.function.Supplier<FindingView> decision,
			String done) {
		try {
			FindingView f = decision.get();
			flash.addFlashAttribute("info", "疑点 " + f.id() + "（" + f.code() + "）" + done);
		}
		catch (ReviewRefusedException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/findings/" + id;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
