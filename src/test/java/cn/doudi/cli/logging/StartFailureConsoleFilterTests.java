package cn.doudi.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;

class StartFailureConsoleFilterTests {

	private final LoggerContext context = new LoggerContext();

	private FilterReply decide(String logger, Level level, String message) {
		Logger l = context.getLogger(logger);
		return new StartFailureConsoleFilter().decide(new LoggingEvent(Logger.class.getName(), l, level, message,
				new IllegalStateException("Connection to 127.0.0.1:1 refused."), null));
	}

	@Test
	void springsReportOfAFailedStartUpStaysOffTheConsoleAndTheProductsOwnLinesStay() {
		assertThat(decide("org.springframework.boot.SpringApplication", Level.ERROR, "Application run failed"))
			.isEqualTo(FilterReply.DENY);
		assertThat(decide("org.springframework.context.annotation.AnnotationConfigApplicationContext", Level.WARN,
				"Exception encountered during context initialization - cancelling refresh attempt"))
			.isEqualTo(FilterReply.DENY);
		assertThat(decide("cn.doudi.payroll.batch.BankFileWriter", Level.WARN, "GBK 无法表示")).isEqualTo(FilterReply.NEUTRAL);
		assertThat(decide("org.springframework.boot.SpringApplication", Level.INFO, "Started")).isEqualTo(FilterReply.NEUTRAL);
	}
}
