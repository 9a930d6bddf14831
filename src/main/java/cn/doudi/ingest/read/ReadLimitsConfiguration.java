package cn.doudi.ingest.read;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Installs {@code doudi.import.limits.*} as the process's {@link ReadLimits}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadLimits.class)
class ReadLimitsConfiguration {

	ReadLimitsConfiguration(ReadLimits limits) {
		ReadLimits.install(limits);
	}
}
