package cn.doudi.web;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Program;
import cn.doudi.review.BulkOutcome;
import cn.doudi.review.FindingList;
import cn.doudi.review.FindingReviews;
import cn.doudi.review.FindingSearch;
import cn.doudi.review.FindingView;
import cn.doudi.review.ReviewRefusedException;
import cn.doudi.security.AccessControl;
import cn.doudi.security.User;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 疑点核查: the findings of the user's county — paged (50 a page), sorted, searched (name, household, ID) and
 * filtered (code, effect, status, village, program, month), every choice in the address so a list can be
 * bookmarked; a bulk dismiss / confirm of the rows ticked with one note; the filtered list as XLSX (every
 * page, IDs masked, Chinese headers, audited as a download); one finding with its decisions, and the monitor's
 * dismiss / confirm / recover with a note — all through {@link FindingReviews}, which masks lists, shows whole
 * numbers only to a MONITOR or AUDITOR of the county and refuses another county or a missing role exactly as
 * {@code doudi findings} does.
 */
@Controller
class FindingsController {

	private final FindingReviews reviews;
	private final Downloads downloads;
	private final AccessControl access;

	FindingsController(FindingReviews reviews, Downloads downloads, AccessControl access) {
		this.reviews = reviews;
		this.downloads = downloads;
		this.access = access;
	}

	/** The list's choices, checked (a 400 naming the field otherwise), as the address carries them. */
	record Choices(String county, String code, String effect, String status, String village, String program,
			String month, String q, String sort, boolean desc, int page) {

		FindingSearch search() {
			return new FindingSearch(county, code, effect, status, village, program, month, q, sort, desc, page);
		}

		Map<String, String> params() {
			Map<String, String> p = new LinkedHashMap<>();
			p.put("county", county);
			p.put("code", code);
			p.put("effect", effect);
			p.put("status", status);
			p.put("village", village);
			p.put("program", program);
			p.put("month", month);
			p.put("q", q);
			p.put("sort", sort);
			p.put("dir", sort == null ? null : desc ? "desc" : "asc");
			return p;
		}

		/** The address of this list with some choices changed (null removes one). */
		String link(String path, Map<String, String> changes) {
			Map<String, String> p = params();
			p.putAll(changes);
			UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
			p.forEach((k, v) -> {
				if (v != null && !v.isEmpty()) {
					b.queryParam(k, URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
				}
			});
			return b.build(true).toUriString();
		}

		public String page(int n) {
			Map<String, String> c = new LinkedHashMap<>();
			c.put("page", n <= 1 ? null : String.valueOf(n));
			return link("/findings", c);
		}

		/** Sorted by the column; ascending first, then the other way when it is the current sort. */
		public String sortBy(String column) {
			Map<String, String> c = new LinkedHashMap<>();
			c.put("sort", column);
			c.put("dir", column.equals(sort) && !desc ? "desc" : "asc");
			return link("/findings", c);
		}

		public String export() {
			return link("/findings.xlsx", Map.of());
		}

		public String arrow(String column) {
			return column.equals(sort) ? desc ? " ▼" : " ▲" : "";
		}
	}

	static Choices choices(Map<String, String> p) {
		String county = blank(p.get("county")) ? null : Inputs.county(p.get("county"));
		String code = blank(p.get("code")) ? null : Inputs.findingCode(p.get("code"));
		String status = blank(p.get("status")) ? null : Inputs.findingStatus(p.get("status"));
		String effect = null;
		if (!blank(p.get("effect"))) {
			String e = p.get("effect").strip().toUpperCase(Locale.ROOT);
			if (Arrays.stream(FindingCode.Effect.values()).noneMatch(x -> x.name().equals(e))) {
				throw new WebErrors.BadRequest("没有这种处理效果：" + Inputs.shown(p.get("effect").strip()));
			}
			effect = e;
		}
		String village = null;
		if (!blank(p.get("village"))) {
			village = p.get("village").strip();
			if (!village.matches("\\d{9}|\\d{12}")) {
				throw new WebErrors.BadRequest("村（社区）代码应为9位或12位数字：" + Inputs.shown(village));
			}
		}
		String program = null;
		if (!blank(p.get("program"))) {
			program = Program.parse(p.get("program")).map(Enum::name)
				.orElseThrow(() -> new WebErrors.BadRequest("没有这个项目：" + Inputs.shown(p.get("program").strip())));
		}
		String month = blank(p.get("month")) ? null : Inputs.month(p.get("month")).toString();
		String q = blank(p.get("q")) ? null : p.get("q").strip();
		if (q != null && q.length() > 40) {
			throw new WebErrors.BadRequest("查找内容过长（最多40个字符）：" + Inputs.shown(q));
		}
		String sort = null;
		if (!blank(p.get("sort"))) {
			sort = p.get("sort").strip();
			if (!FindingSearch.SORTS.contains(sort)) {
				throw new WebErrors.BadRequest("不能按此列排序：" + Inputs.shown(sort));
			}
		}
		boolean desc = "desc".equals(p.get("dir"));
		int page = 1;
		if (!blank(p.get("page"))) {
			String n = p.get("page").strip();
			if (!n.matches("\\d{1,7}") || Integer.parseInt(n) < 1) {
				throw new WebErrors.BadRequest("页码应为正整数：" + Inputs.shown(n));
			}
			page = Integer.parseInt(n);
		}
		return new Choices(county, code, effect, status, village, program, month, q, sort, desc, page);
	}

	@GetMapping("/findings")
	String list(Principal principal, @RequestParam Map<String, String> params, Model model) {
		Choices c = choices(params);
		FindingList list = reviews.page(principal.getName(), c.search());
		model.addAttribute("list", list);
		model.addAttribute("findings", list.rows());
		model.addAttribute("c", c);
		model.addAttribute("county", c.county());
		model.addAttribute("code", c.code());
		model.addAttribute("status", c.status() == null ? "OPEN" : c.status());
		model.addAttribute("codes", List.of(FindingCode.values()));
		model.addAttribute("effects", List.of(FindingCode.Effect.values()));
		model.addAttribute("programs", List.of(Program.values()));
		model.addAttribute("pageNumbers", pageNumbers(list.page(), list.pages()));
		String villageCounty = c.county() != null ? c.county() : me(principal);
		model.addAttribute("villages", villageCounty == null ? Map.of() : reviews.villages(principal.getName(), villageCounty));
		model.addAttribute("countyNames", reviews.countyNames());
		model.addAttribute("back", c.page(list.page()));
		return "findings";
	}

	/** The filtered list, every page, as XLSX: IDs masked, Chinese headers and values; audited as a download. */
	@GetMapping("/findings.xlsx")
	void export(Principal principal, @RequestParam Map<String, String> params, HttpServletResponse response)
			throws IOException {
		Choices c = choices(params);
		String county = c.county() != null ? c.county() : me(principal);
		String name = "findings-" + (county == null ? "city" : county) + ".xlsx";
		// the query runs (and a refusal is a page) before anything is sent
		reviews.page(principal.getName(), new FindingSearch(c.county(), c.code(), c.effect(), c.status(), c.village(),
				c.program(), c.month(), c.q(), c.sort(), c.desc(), 1));
		downloads.record(principal.getName(), county, "findings.xlsx", name + " " + c.link("", Map.of()));
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
		try (OutputStream out = response.getOutputStream()) {
			FindingsExport.write(out, sink -> reviews.each(principal.getName(), c.search(), sink));
		}
	}

	@PostMapping("/findings/bulk")
	String bulk(Principal principal, @RequestParam(required = false) List<String> ids,
			@RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String note,
			@RequestParam(defaultValue = "/findings") String back, RedirectAttributes flash) {
		String target = back.startsWith("/findings") && !back.startsWith("//") && !back.contains("\\") ? back : "/findings";
		if (!decision.equals("DISMISS") && !decision.equals("CONFIRM")) {
			throw new WebErrors.BadRequest("批量处理应为排除或确认");
		}
		List<Long> chosen = new ArrayList<>();
		for (String id : ids == null ? List.<String>of() : ids) {
			if (!id.strip().matches("\\d{1,18}")) {
				throw new WebErrors.BadRequest("疑点编号格式不对：" + Inputs.shown(id));
			}
			chosen.add(Long.parseLong(id.strip()));
		}
		if (chosen.isEmpty()) {
			flash.addFlashAttribute("error", "没有勾选疑点");
			return "redirect:" + target;
		}
		if (chosen.size() > 500) {
			throw new WebErrors.BadRequest("一次最多处理500条");
		}
		if (note.isBlank()) {
			flash.addFlashAttribute("error", "须填写处理说明（备注），未处理任何疑点");
			return "redirect:" + target;
		}
		List<BulkOutcome> outcomes = reviews.decideEach(principal.getName(), chosen, decision, note);
		List<BulkOutcome> done = outcomes.stream().filter(BulkOutcome::done).toList();
		List<BulkOutcome> refused = outcomes.stream().filter(o -> !o.done()).toList();
		String word = Words.INSTANCE.decision(decision);
		if (!done.isEmpty()) {
			flash.addFlashAttribute("info", "已" + word + " " + done.size() + " 条疑点：" + String.join("、",
					done.stream().map(o -> String.valueOf(o.id())).toList()));
		}
		if (!refused.isEmpty()) {
			flash.addFlashAttribute("error", refused.size() + " 条未" + word + "（其余不受影响）：" + String.join("；",
					refused.stream().map(o -> "疑点 " + o.id() + "：" + Words.INSTANCE.message(o.refusal())).toList()));
		}
		return "redirect:" + target;
	}

	@GetMapping("/findings/{id}")
	String show(Principal principal, @PathVariable long id, Model model) {
		FindingView f = reviews.show(principal.getName(), id);
		model.addAttribute("f", f);
		model.addAttribute("dismissable", FindingCode.valueOf(f.code()).dismissable());
		model.addAttribute("overpaid", f.code().equals(FindingCode.OVERPAID.name()));
		model.addAttribute("open", f.status().equals("OPEN") || f.status().equals("CONFIRMED"));
		model.addAttribute("countyNames", reviews.countyNames());
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
			flash.addFlashAttribute("info", "疑点 " + f.id() + "（" + Words.INSTANCE.code(f.code()) + "）" + done);
		}
		catch (ReviewRefusedException e) {
			flash.addFlashAttribute("error", Words.INSTANCE.message(e.getMessage()));
		}
		return "redirect:/findings/" + id;
	}

	/** The user's county (null: city-wide). */
	private String me(Principal principal) {
		return access.find(principal.getName()).map(User::county).orElse(null);
	}

	/** Page links: the first, the last, and two either side of the current one (0 marks a gap). */
	static List<Integer> pageNumbers(int page, int pages) {
		List<Integer> n = new ArrayList<>();
		for (int i = 1; i <= pages; i++) {
			if (i == 1 || i == pages || Math.abs(i - page) <= 2) {
				n.add(i);
			}
			else if (n.get(n.size() - 1) != 0) {
				n.add(0);
			}
		}
		return n;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
