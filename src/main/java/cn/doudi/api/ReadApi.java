package cn.doudi.api;

import java.security.Principal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.doudi.kernel.FindingCode;
import cn.doudi.payroll.PayrollRuns;
import cn.doudi.payroll.RunTotals;
import cn.doudi.review.FindingList;
import cn.doudi.review.FindingReviews;
import cn.doudi.review.FindingSearch;
import cn.doudi.security.AccessControl;
import cn.doudi.security.AccessDeniedException;
import cn.doudi.security.User;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/v1/runs} and {@code GET /api/v1/findings}: what the console's 发放批次 and 疑点核查 lists show,
 * through the same façades ({@link PayrollRuns#runs}, {@link FindingReviews#page}: a page of findings is read
 * in the database — LIMIT/OFFSET and a count — never the whole list): READ on the county (a county's
 * user: its own county only; without {@code county}, its own or — city-wide — every county), ID and account
 * numbers masked in lists as on the console (whole numbers only on one finding's page, for MONITOR and
 * AUDITOR, which the API does not serve). Amounts are strings of yuan with two decimals.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "查询")
class ReadApi {

	static final Map<String, String> STATUSES = Map.ofEntries(Map.entry("RUNNING", "计算中"), Map.entry("FAILED", "失败"),
			Map.entry("DRAFT", "草稿"), Map.entry("RELEASED", "已提交待审批"), Map.entry("APPROVED", "已审批"),
			Map.entry("REPLACED", "已被重算替换"), Map.entry("REVOKED", "已撤销"), Map.entry("OPEN", "待处理"),
			Map.entry("CONFIRMED", "已确认"), Map.entry("DISMISSED", "已排除"), Map.entry("RESOLVED", "已自动关闭"),
			Map.entry("RECOVERED", "已追回"));

	private final PayrollRuns payroll;
	private final FindingReviews reviews;
	private final AccessControl access;

	ReadApi(PayrollRuns payroll, FindingReviews reviews, AccessControl access) {
		this.payroll = payroll;
		this.reviews = reviews;
		this.access = access;
	}

	/** A run with its totals. */
	record Run(long id, String county, String month, int revision, String batchNo, String status, String statusName,
			String payDate, long linesPaid, String amountPaid, long linesHeld, String amountHeld, String createdBy,
			String releasedBy, String approvedBy) {
	}

	/** A finding as lists show it (numbers masked). */
	record Finding(long id, String code, String effect, String status, String statusName, String county,
			String idNumber, String name, String householdId, String programs, String accountNumber, String detail,
			String firstMonth, String lastMonth, String closedMonth) {
	}

	/** One page of findings: {@code total} of all that match. */
	record FindingsPage(int page, int size, long total, List<Finding> items) {
	}

	@GetMapping("/runs")
	@Operation(summary = "发放批次（不含已被重算替换的草稿），按月份倒序；可按月份、区县筛选")
	List<Run> runs(Principal principal, @RequestParam(required = false) String month,
			@RequestParam(required = false) String county) {
		YearMonth m = month(month);
		return payroll.runs(principal.getName(), scope(principal, county))
			.stream()
			.filter(t -> m == null || t.run().month().equals(m))
			.map(ReadApi::run)
			.toList();
	}

	@GetMapping("/findings")
	@Operation(summary = "疑点（身份证号、账号已脱敏），可按月份、区县、疑点代码、状态筛选，分页（page 从 0 起，size 最大 500）")
	FindingsPage findings(Principal principal, @RequestParam(required = false) String month,
			@RequestParam(required = false) String county, @RequestParam(required = false) String code,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		YearMonth m = month(month);
		if (page < 0 || size < 1 || size > 500) {
			throw new ApiErrors.BadRequest("page 应不小于 0，size 应在 1 到 500 之间");
		}
		String k = blank(code) ? null : code(code);
		String s = blank(status) ? null : status(status);
		String c = blank(county) ? null : county(county);
		// one page of the filtered list, read in the database (LIMIT/OFFSET and count), as the console's list
		FindingList list = reviews.page(principal.getName(),
				new FindingSearch(c, k, null, s, null, null, m == null ? null : m.toString(), null, null, false, page + 1),
				size);
		List<Finding> items = list.rows()
			.stream()
			.map(FindingList.Row::finding)
			.map(f -> new Finding(f.id(), f.code(), f.effect(), f.status(), STATUSES.getOrDefault(f.status(), f.status()),
					f.county(), f.idNumber(), f.name(), f.householdId(), f.programs(), f.accountNumber(), f.detail(),
					f.firstMonth(), f.lastMonth(), f.closedMonth()))
			.toList();
		return new FindingsPage(page, size, list.total(), items);
	}

	private String scope(Principal principal, String county) {
		if (!blank(county)) {
			return county(county);
		}
		User me = access.find(principal.getName())
			.orElseThrow(() -> new AccessDeniedException("用户 " + principal.getName() + " 不存在或已停用"));
		return me.county();
	}

	private static Run run(RunTotals t) {
		var r = t.run();
		return new Run(r.id(), r.county(), r.month().toString(), r.revision(), r.batchNo(), r.status().name(),
				STATUSES.getOrDefault(r.status().name(), r.status().name()), r.payDate() == null ? null : r.payDate().toString(),
				t.linesPaid(), t.amountPaid().toPlainString(), t.linesHeld(), t.amountHeld().toPlainString(), t.createdBy(),
				r.releasedBy(), r.approvedBy());
	}

	private static YearMonth month(String month) {
		if (blank(month)) {
			return null;
		}
		try {
			return YearMonth.parse(month.strip());
		}
		catch (DateTimeParseException e) {
			throw new ApiErrors.BadRequest("月份应写作 YYYY-MM，例如 2026-10：" + UploadsApi.shown(month));
		}
	}

	private static String county(String county) {
		if (!county.strip().matches("\\d{6}")) {
			throw new ApiErrors.BadRequest("区县代码应为 6 位数字：" + UploadsApi.shown(county));
		}
		return county.strip();
	}

	private static String code(String code) {
		try {
			return FindingCode.valueOf(code.strip()).name();
		}
		catch (IllegalArgumentException e) {
			throw new ApiErrors.BadRequest("没有这个疑点代码：" + UploadsApi.shown(code));
		}
	}

	private static String status(String status) {
		String s = status.strip();
		if (!List.of("OPEN", "CONFIRMED", "DISMISSED", "RESOLVED", "RECOVERED", "ALL").contains(s)) {
			throw new ApiErrors.BadRequest("没有这个疑点状态：" + UploadsApi.shown(status)
					+ "（OPEN、CONFIRMED、DISMISSED、RESOLVED、RECOVERED、ALL）");
		}
		return s;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
