package cn.doudi.web;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.doudi.ingest.Regions;
import cn.doudi.payroll.PayrollRuns;
import cn.doudi.security.AccessControl;
import cn.doudi.security.AccessDeniedException;
import cn.doudi.security.Passwords;
import cn.doudi.security.Permission;
import cn.doudi.security.Role;
import cn.doudi.security.User;

/**
 * 用户管理 for ADMIN: the users of its scope (a county's ADMIN: its county's), add one (name, role, county by
 * name), set the role and county, set a password (the same policy as {@code users password}: the admin types it,
 * it is never shown again), disable — through the same {@link AccessControl} and {@link Passwords} as the command
 * line, so the same refusals in the same words, and the same audit events.
 */
@Controller
class UsersController {

	/** A user as the page lists it, in words. */
	record Row(String name, String role, Role roleCode, String county, String countyCode, boolean active,
			boolean passwordSet, String osAccount, String created, String disabled) {
	}

	private final AccessControl access;
	private final Passwords passwords;
	private final PayrollRuns payroll;
	private final Regions regions;

	UsersController(AccessControl access, Passwords passwords, PayrollRuns payroll, Regions regions) {
		this.access = access;
		this.passwords = passwords;
		this.payroll = payroll;
		this.regions = regions;
	}

	@GetMapping("/users")
	String users(Principal principal, Model model) {
		User me = admin(principal);
		Map<String, String> names = regions.names();
		List<Row> rows = access.list(me.name()).stream()
			.map(u -> new Row(u.name(), Viewer.ROLES.get(u.role()), u.role(), ReviewLabels.county(names, u.county()), u.county(),
					u.active(), u.passwordSet(), u.osAccount() == null ? "" : u.osAccount(),
					u.createdBy() + "　" + u.createdAt(), u.disabledBy() == null ? "" : u.disabledBy() + "　" + u.disabledAt()))
			.toList();
		Map<String, String> counties = new LinkedHashMap<>();
		if (me.cityWide()) {
			counties.put("", "全市");
			for (String c : payroll.counties()) {
				counties.put(c, ReviewLabels.county(names, c));
			}
		}
		else {
			counties.put(me.county(), ReviewLabels.county(names, me.county()));
		}
		model.addAttribute("users", rows);
		model.addAttribute("counties", counties);
		model.addAttribute("roles", Role.values());
		model.addAttribute("minLength", Passwords.MIN_LENGTH);
		return "users";
	}

	@PostMapping("/users")
	String add(Principal principal, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String role,
			@RequestParam(defaultValue = "") String county, @RequestParam(defaultValue = "") String password,
			RedirectAttributes flash) {
		User me = admin(principal);
		return act(flash, () -> {
			Role r = role(role);
			String n = name.strip();
			if (n.isEmpty()) {
				throw new IllegalArgumentException("请填写用户名");
			}
			if (!password.isEmpty()) {
				cn.doudi.security.PasswordPolicy.check(n, password);
			}
			access.add(me.name(), n, r, county(county));
			if (!password.isEmpty()) {
				passwords.set(me.name(), n, password);
			}
			return "已添加用户 " + n + "（" + Viewer.ROLES.get(r) + "）" + (password.isEmpty() ? "，尚未设置密码，不能登录" : "");
		});
	}

	@PostMapping("/users/{name}/role")
	String role(Principal principal, @PathVariable String name, @RequestParam(defaultValue = "") String role,
			@RequestParam(defaultValue = "") String county, RedirectAttributes flash) {
		User me = admin(principal);
		return act(flash, () -> {
			User u = access.setRole(me.name(), name, role(role), county(county));
			return "用户 " + u.name() + " 现为 " + Viewer.ROLES.get(u.role()) + "，范围 "
					+ ReviewLabels.county(regions.names(), u.county());
		});
	}

	@PostMapping("/users/{name}/password")
	String password(Principal principal, @PathVariable String name, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String again, RedirectAttributes flash) {
		User me = admin(principal);
		return act(flash, () -> {
			if (!password.equals(again)) {
				throw new IllegalArgumentException("两次输入的密码不一致");
			}
			passwords.set(me.name(), name, password);
			return "已为用户 " + name + " 设置新密码（请当面告知本人，系统不再显示）";
		});
	}

	@PostMapping("/users/{name}/disable")
	String disable(Principal principal, @PathVariable String name, RedirectAttributes flash) {
		User me = admin(principal);
		return act(flash, () -> {
			access.disable(me.name(), name);
			return "已停用用户 " + name + "（立即生效，保留其操作记录）";
		});
	}

	private User admin(Principal principal) {
		User me = access.find(principal.getName())
			.orElseThrow(() -> new AccessDeniedException("用户 " + principal.getName() + " 已停用"));
		if (!Permission.MANAGE_USERS.heldBy(me.role())) {
			throw new AccessDeniedException("用户 " + me.name() + "（" + Viewer.ROLES.get(me.role()) + "）无权管理用户");
		}
		return me;
	}

	private static Role role(String value) {
		try {
			return Role.valueOf(value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("没有这个角色：" + Inputs.shown(value));
		}
	}

	private static String county(String value) {
		return value == null || value.isBlank() ? null : Inputs.county(value);
	}

	private static String act(RedirectAttributes flash, java.util.function.Supplier<String> action) {
		try {
			flash.addFlashAttribute("info", action.get());
		}
		catch (IllegalArgumentException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/users";
	}
}
