package cn.doudi.web;

import java.security.Principal;
import java.util.Map;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.doudi.security.AccessControl;
import cn.doudi.security.Role;
import cn.doudi.security.User;

/**
 * The logged-in user for every page's header ({@code me}), the Chinese names of roles and statuses, the
 * counties' names ({@code countyNames}) and the words for codes ({@code words}, {@link Words}).
 */
@ControllerAdvice(basePackageClasses = Viewer.class) // the console's pages only (not /actuator)
class Viewer {

	static final Map<Role, String> ROLES = Map.of(Role.OPERATOR, "经办员", Role.MONITOR, "核对人员", Role.FINANCE, "财务人员",
			Role.AUDITOR, "审计人员", Role.ADMIN, "系统管理员");

	static final Map<String, String> STATUSES = Map.ofEntries(Map.entry("RUNNING", "计算中"), Map.entry("FAILED", "失败"),
			Map.entry("DRAFT", "草稿"), Map.entry("RELEASED", "已提交待审批"), Map.entry("APPROVED", "已审批"),
			Map.entry("REPLACED", "已被重算替换"), Map.entry("REVOKED", "已撤销"), Map.entry("OPEN", "待处理"),
			Map.entry("CONFIRMED", "已确认"), Map.entry("DISMISSED", "已排除"), Map.entry("RESOLVED", "已自动关闭"),
			Map.entry("RECOVERED", "已追回"));

	private final AccessControl access;
	private final cn.doudi.review.FindingReviews reviews;

	Viewer(AccessControl access, cn.doudi.review.FindingReviews reviews) {
		this.access = access;
		this.reviews = reviews;
	}

	/** Counties' names of the regions roster (code → name) for the header; empty when it cannot be read. */
	@ModelAttribute("countyNames")
	Map<String, String> countyNames(Principal principal) {
		if (principal == null) {
			return Map.of();
		}
		try {
			return reviews.countyNames();
		}
		catch (org.springframework.dao.DataAccessException e) {
			return Map.of(); // the page still shows (codes), e.g. the error page while the database is down
		}
	}

	@ModelAttribute("me")
	User me(Principal principal) {
		return principal == null ? null : access.find(principal.getName()).orElse(null);
	}

	@ModelAttribute("roleNames")
	Map<Role, String> roleNames() {
		return ROLES;
	}

	@ModelAttribute("words")
	Words words() {
		return Words.INSTANCE;
	}

	@ModelAttribute("statusNames")
	Map<String, String> statusNames() {
		return STATUSES;
	}
}
