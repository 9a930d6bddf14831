package cn.doudi.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** {@code doudi.security.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginLimits.class)
class SecurityConfiguration {
}
