package cn.doudi.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Form login with sessions and CSRF (on: every form posts the token Thymeleaf adds). Every page but
 * the login page needs a logged-in user; what the user may see and do is decided by the façades, not
 * by URL rules here, so the web and the command line cannot disagree.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurityConfiguration {

	@Bean
	SecurityFilterChain console(HttpSecurity http) throws Exception {
		// the login is ConsoleLogin, the one AuthenticationProvider bean (so it is asked once per attempt)
		http.authorizeHttpRequests(a -> a.requestMatchers("/login", "/css/**", "/favicon.ico").permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true).failureUrl("/login?error").permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
		return http.build();
	}
}
