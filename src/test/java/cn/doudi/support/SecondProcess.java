package cn.doudi.support;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.doudi.DoudiApplication;

/**
 * A second Doudi application context on the test database, as another {@code doudi} process would be: its
 * own connections, beans and memory, nothing shared with the test's context but the database (Flyway off:
 * the test's context migrated it).
 */
public final class SecondProcess {

	private SecondProcess() {
	}

	public static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(DoudiApplication.class).profiles("test")
			.web(WebApplicationType.NONE)
			.properties("spring.flyway.enabled=false")
			.run();
	}
}
