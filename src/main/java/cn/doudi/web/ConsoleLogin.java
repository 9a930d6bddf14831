package cn.doudi.web;

import java.time.Clock;
import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import cn.doudi.security.Passwords;
import cn.doudi.security.Role;
import cn.doudi.security.User;

/**
 * Checks a login against {@link Passwords} (BCrypt hashes in {@code app_user}), from the browser's address
 * (behind {@code serve --behind-proxy}, the address the proxy forwards), so that failures are throttled and
 * locked per user and per address. The authority {@code ROLE_<role>} is informative only: every action asks
 * the façades, which read the user afresh, so a disabled user or a changed role takes effect at once.
 */
@Component
class ConsoleLogin implements AuthenticationProvider {

	private final Passwords passwords;
	private final Clock clock;

	ConsoleLogin(Passwords passwords, Clock clock) {
		this.passwords = passwords;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String name = authentication.getName();
		Object credentials = authentication.getCredentials();
		String address = authentication.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
				? d.getRemoteAddress() : "unknown";
		Passwords.Check check = passwords.check(name, credentials == null ? null : credentials.toString(), address);
		return switch (check.outcome()) {
			case OK -> UsernamePasswordAuthenticationToken.authenticated(check.user().name(), null,
					readsManagement(check.user())
							? List.of(new SimpleGrantedAuthority("ROLE_" + check.user().role().name()),
									new SimpleGrantedAuthority("ROLE_" + MANAGEMENT))
							: List.of(new SimpleGrantedAuthority("ROLE_" + check.user().role().name())));
			case LOCKED -> throw new LockedException("登录失败次数过多，已暂时锁定，" + check.retryIn(clock));
			case WRONG -> throw check.lockedUntil() != null
					? new LockedException("登录失败次数过多，已暂时锁定，" + check.retryIn(clock))
					: new BadCredentialsException("用户名或密码错误");
		};
	}

	/**
	 * The role Spring Boot's health endpoint asks ({@code management.endpoint.health.roles}) before it shows
	 * components and details on {@code /actuator/health}: granted at login to whom {@link #readsManagement}.
	 */
	static final String MANAGEMENT = "MANAGEMENT";

	/** Who may read the management endpoints: a city-wide ADMIN or AUDITOR (the metrics span every county). */
	static boolean readsManagement(User user) {
		return (user.role() == Role.ADMIN || user.role() == Role.AUDITOR) && user.cityWide();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
