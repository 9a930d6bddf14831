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

	static final Map<Role, String> ROLES = java.util.Arrays.stream(Role.values())
		.collect(java.util.stream.Collectors.toUnmodifiableMap(r -> r, Role::chineseName));

	static final Map<String, String> STATUSES = cn.doudi.kernel.Terms.statuses();

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
