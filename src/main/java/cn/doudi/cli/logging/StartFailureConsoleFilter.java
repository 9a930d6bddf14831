package cn.doudi.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps Spring's report of a start-up that failed (the context's "cancelling refresh attempt" and Spring Boot's
 * "Application run failed", each with its stack trace) off the console: the command says why in one Chinese line
 * ({@code doudi: 无法启动…}, exit 5), and the log file keeps the whole report.
 */
public class StartFailureConsoleFilter extends Filter<ILoggingEvent> {

	@Override
	public FilterReply decide(ILoggingEvent event) {
		String logger = event.getLoggerName();
		boolean spring = logger.equals("org.springframework.boot.SpringApplication")
				|| logger.startsWith("org.springframework.context.support.")
				|| logger.startsWith("org.springframework.context.annotation.")
				|| logger.startsWith("org.springframework.boot.diagnostics.");
		return spring && event.getLevel().isGreaterOrEqual(Level.WARN) ? FilterReply.DENY : FilterReply.NEUTRAL;
	}
}
