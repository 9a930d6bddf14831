package cn.doudi.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code doudi.security.login.*}: a user name that fails {@code max-failures-per-user} times, or an address
 * (a browser's IP, a shell's OS account) that fails {@code max-failures-per-address} times, within
 * {@code window}, is locked for {@code lockout}: no password is checked for it until then, not even the
 * right one.
 */
@ConfigurationProperties("doudi.security.login")
public record LoginLimits(@DefaultValue("5") int maxFailuresPerUser, @DefaultValue("20") int maxFailuresPerAddress,
		@DefaultValue("15m") Duration window, @DefaultValue("15m") Duration lockout) {
}
