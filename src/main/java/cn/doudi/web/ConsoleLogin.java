package cn.doudi.web;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import cn.doudi.security.Passwords;
import cn.doudi.security.User;

/**
 * Checks a login against {@link Passwords} (BCrypt hashes in {@code app_user}). The authority
 * {@code ROLE_<role>} is informative only: every action asks the façades, which read the user afresh,
 * so a deactivated user or a changed role takes effect at once.
 */
@Component
class ConsoleLogin implements AuthenticationProvider {

	private final Passwords passwords;

	ConsoleLogin(Passwords passwords) {
		this.passwords = passwords;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String name = authentication.getName();
		Object credentials = authentication.getCredentials();
		User user = passwords.authenticate(name, credentials == null ? null : credentials.toString())
			.orElseThrow(() -> new BadCredentialsException("用户名或密码错误"));
		return UsernamePasswordAuthenticationToken.authenticated(user.name(), null,
				List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
