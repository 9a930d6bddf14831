package cn.doudi.cli.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

import cn.doudi.identity.IdNumber;

/**
 * The structured log lines ({@code --log-format=ecs|logstash|gelf}, {@code logging.structured.json.customizer}):
 * every string value — the message, the stack trace, the MDC — with its ID and account numbers masked, as
 * {@link MaskedMessageConverter} does for the text lines.
 */
public class MaskingJsonCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

	@Override
	public void customize(JsonWriter.Members<Object> members) {
		members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, IdNumber::maskDigitRuns));
	}
}
