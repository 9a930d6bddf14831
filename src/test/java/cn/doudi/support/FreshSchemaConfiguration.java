package cn.doudi.support;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Tests start from a freshly migrated schema: clean, then migrate (never outside the test profile). */
@TestConfiguration(proxyBeanMethods = false)
public class FreshSchemaConfiguration {

	@Bean
	FlywayMigrationStrategy cleanThenMigrate() {
		return flyway -> {
			flyway.clean();
			flyway.migrate();
		};
	}
}
