package cn.doudi.cli.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

import cn.doudi.identity.IdNumber;

/**
 * {@code %m}, {@code %msg}, {@code %message} of the log patterns ({@code logback-spring.xml}): the message
 * with every ID or account number masked ({@link IdNumber#maskDigitRuns}), whatever the code logged — the
 * safety net under the rule that code logs masked values only.
 */
public class MaskedMessageConverter extends MessageConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return IdNumber.maskDigitRuns(super.convert(event));
	}
}
