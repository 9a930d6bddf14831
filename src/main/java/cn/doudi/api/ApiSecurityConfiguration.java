package cn.doudi.api;

import java.io.IOException;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.doudi.security.ApiTokens;
import cn.doudi.security.AuditLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The API's own security filter chain, for {@code /api/v1/**} only and before the console's: stateless (no
 * session is read or created, the security context lives for the request), no form login, no HTTP basic, no
 * CSRF (a bearer token is not sent by a browser on its own, so there is no cross-site request to forge). Every
 * request needs {@code Authorization: Bearer <token>} of a live token ({@link ApiTokens#verify}) — the
 * OpenAPI document too (it describes the API to those who may call it; nothing about the bureau is public).
 * Without a valid token: 401 with a Chinese message and {@code WWW-Authenticate: Bearer}; a request larger
 * than {@code doudi.api.max-upload-size}: 413 before it is read. What a token's user may do is the façades'
 * decision (403 from {@link ApiErrors}), as for the console and the command line. Every call with a valid token
 * is audited as {@code API} (method, path, status, the token's id and label); a refused token as
 * {@code API_TOKEN_REFUSED} (with the token's first characters only); a call without a bearer token as
 * {@code API_NO_TOKEN} (method, path, remote address).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiSecurityConfiguration {

	static final String HOLDER = ApiTokens.Holder.class.getName();

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, AuditLog audit,
			@Value("${doudi.api.max-upload-size:512MB}") DataSize maxUpload) throws Exception {
		http.securityMatcher("/api/v1/**")
			.authorizeHttpRequests(a -> a.anyRequest().authenticated())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(r -> r.disable())
			.csrf(c -> c.disable())
			.formLogin(f -> f.disable())
			.httpBasic(b -> b.disable())
			.logout(l -> l.disable())
			.anonymous(a -> a.disable())
			.exceptionHandling(e -> e
				.authenticationEntryPoint((request, response, ex) -> ApiErrors.write(response, HttpStatus.UNAUTHORIZED,
						"需要有效的 API 令牌：请求头 Authorization: Bearer <令牌>（令牌由管理员用 users token 创建；已吊销的令牌或已停用用户的令牌无效）"))
				.accessDeniedHandler((request, response, ex) -> ApiErrors.write(response, HttpStatus.FORBIDDEN, "无权访问")))
			.headers(h -> h.cacheControl(c -> {
			}))
			.addFilterBefore(new BearerTokens(tokens, audit, maxUpload.toBytes()), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	/** Reads the bearer token, proves its user for this request, and audits the call once it is answered. */
	static final class BearerTokens extends OncePerRequestFilter {

		private final ApiTokens tokens;
		private final AuditLog audit;
		private final long maxUpload;

		BearerTokens(ApiTokens tokens, AuditLog audit, long maxUpload) {
			this.tokens = tokens;
			this.audit = audit;
			this.maxUpload = maxUpload;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			String call = request.getMethod() + " " + request.getRequestURI();
			if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				// no token: the entry point answers 401; the call is audited all the same (every call is)
				audit.record("-", "API_NO_TOKEN", null, call, "from " + request.getRemoteAddr());
				chain.doFilter(request, response);
				return;
			}
			String token = header.substring(7).strip();
			ApiTokens.Holder holder = tokens.verify(token).orElse(null);
			if (holder == null) {
				audit.record("-", "API_TOKEN_REFUSED", null, call,
						"token " + (token.length() > 12 ? token.substring(0, 12) + "…" : "(短)") + " from " + request.getRemoteAddr());
				chain.doFilter(request, response);
				return;
			}
			String user = holder.user().name();
			request.setAttribute(HOLDER, holder);
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
						List.of(new SimpleGrantedAuthority("ROLE_" + holder.user().role().name()))));
			try {
				if (request.getContentLengthLong() > maxUpload) {
					ApiErrors.write(response, HttpStatus.CONTENT_TOO_LARGE,
							"上传内容超过上限 " + (maxUpload >> 20) + " MB，未导入");
				}
				else {
					chain.doFilter(request, response);
				}
			}
			finally {
				String county = queryParameter(request, "county");
				audit.record(user, "API", county != null && county.matches("\\d{6}") ? county : holder.user().county(), call,
						"status=" + response.getStatus() + " token=#" + holder.tokenId() + " " + holder.label());
				SecurityContextHolder.clearContext();
			}
		}
	}

	/** A parameter of the query string only (never the body: a refused upload is not read). */
	static String queryParameter(HttpServletRequest request, String name) {
		String q = request.getQueryString();
		if (q == null) {
			return null;
		}
		for (String pair : q.split("&")) {
			if (pair.startsWith(name + "=")) {
				return java.net.URLDecoder.decode(pair.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
			}
		}
		return null;
	}
}
