package cn.doudi.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import cn.doudi.security.AccessControl;

/**
 * Form login with sessions and CSRF (on: every form posts the token Thymeleaf adds). Every page but
 * the login page needs a logged-in user; what the user may see and do is decided by the façades, not
 * by URL rules here, so the web and the command line cannot disagree.
 * <p>
 * Headers on every response: a Content-Security-Policy that allows nothing but the console's own
 * stylesheet, forms and one script file ({@code /js/progress.js}: live progress, polling the console's own
 * JSON; no inline script, no other origin), {@code Referrer-Policy: same-origin} (a finding's
 * address never leaves the site), a {@code Permissions-Policy} that turns off camera, microphone,
 * location and the like, no framing, {@code nosniff}; over HTTPS also HSTS. The session cookie is
 * {@code HttpOnly}, {@code SameSite=Lax} and {@code Secure} whenever the request came over HTTPS
 * ({@code serve --tls}, or {@code --behind-proxy} with {@code X-Forwarded-Proto: https}) — see
 * {@code application.yml} and {@code DoudiCli}. A login locked after too many failures goes to
 * {@code /login?locked}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; "
			+ "style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "serial=(), bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), fullscreen=(self)";

	/**
	 * The management endpoints ({@code /actuator/**}, README "Watching it run"): the bare status of
	 * {@code /actuator/health} ({@code {"status":"UP"}}, for a load balancer) to anyone; everything else —
	 * the health's components and details, the groups, {@code info}, {@code metrics}, {@code prometheus} —
	 * only to an active city-wide ADMIN or AUDITOR, read afresh from the users on every request (a disabled
	 * user or a changed role takes effect at once; while the database cannot answer, the role of the session's
 * login decides, so that the health can say what is down), logged in to the console (its session) or sending its
	 * name and password by HTTP Basic (a Prometheus scraper: each scrape is a login, throttled and audited as
	 * any). Anyone else gets 401 (not logged in) or 403; no cookie, no redirect to the login page.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain management(HttpSecurity http, AccessControl access) throws Exception {
		AuthorizationManager<RequestAuthorizationContext> reader = (authentication, context) -> {
			Authentication a = authentication.get();
			if (a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken) {
				return new AuthorizationDecision(false);
			}
			try {
				return new AuthorizationDecision(access.find(a.getName()).filter(ConsoleLogin::readsManagement).isPresent());
			}
			catch (DataAccessException e) {
				// the database is down: what the health says matters most now; the login's role decides
				return new AuthorizationDecision(a.getAuthorities()
					.stream()
					.anyMatch(g -> g.getAuthority().equals("ROLE_" + ConsoleLogin.MANAGEMENT)));
			}
		};
		http.securityMatcher("/actuator", "/actuator/**")
			.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/actuator/health").permitAll().anyRequest().access(reader))
			.httpBasic(b -> b.realmName("doudi"))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache(c -> c.disable())
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
				.permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY))
				.frameOptions(f -> f.deny()));
		return http.build();
	}

	@Bean
	SecurityFilterChain console(HttpSecurity http) throws Exception {
		// the login is ConsoleLogin, the one AuthenticationProvider bean (so it is asked once per attempt)
		http.authorizeHttpRequests(a -> a.requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(f -> f.loginPage("/login")
				.defaultSuccessUrl("/", true)
				.failureHandler((request, response, e) -> response
					.sendRedirect(request.getContextPath() + (e instanceof LockedException ? "/login?locked" : "/login?error")))
				.permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
				.permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY))
				.frameOptions(f -> f.deny()));
		return http.build();
	}
}
