package cn.doudi.cli.logging;

import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

import cn.doudi.identity.IdNumber;

/**
 * {@code %wEx} of the log patterns: a stack trace with every ID or account number in its messages masked
 * (a database error may quote a row's values).
 */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

	@Override
	protected String throwableProxyToString(ch.qos.logback.classic.spi.IThrowableProxy tp) {
		return IdNumber.maskDigitRuns(super.throwableProxyToString(tp));
	}
}
