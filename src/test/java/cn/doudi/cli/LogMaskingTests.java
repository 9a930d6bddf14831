package cn.doudi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonWriter;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import cn.doudi.cli.logging.MaskedMessageConverter;
import cn.doudi.cli.logging.MaskedThrowableConverter;
import cn.doudi.cli.logging.MaskingJsonCustomizer;

/**
 * The log lines' safety net (README "Watching it run"): an ID or account number is masked in a text line's
 * message and stack trace and in every string of a JSON line, whatever the code logged; short codes stay.
 */
class LogMaskingTests {

	static final String ID = "41010219400302101X";
	static final String ACCOUNT = "6217000010012345678";

	LoggingEvent event(String message, Throwable t, Object... args) {
		LoggerContext context = new LoggerContext();
		return new LoggingEvent(LogMaskingTests.class.getName(), context.getLogger("test"), Level.INFO, message, t, args);
	}

	@Test
	void theMessageIsMaskedWhateverTheCodeLogged() {
		String line = new MaskedMessageConverter().convert(event("{} paid to {} in {} {} (batch {}): 1234.50",
				null, ID, ACCOUNT, "410102", "2026-10", "410102-202610-01"));
		assertThat(line).doesNotContain(ID).doesNotContain(ACCOUNT)
			.isEqualTo("410102********101X paid to 621700*********5678 in 410102 2026-10 (batch 410102-202610-01): 1234.50");
	}

	@Test
	void theStackTraceIsMaskedToo() {
		MaskedThrowableConverter converter = new MaskedThrowableConverter();
		converter.setContext(new LoggerContext());
		converter.start();
		String trace = converter.convert(event("failed", new IllegalStateException("duplicate key (id_number)=(" + ID + ")")));
		assertThat(trace).contains("IllegalStateException", "410102********101X").doesNotContain(ID);
	}

	@Test
	void everyStringOfAJsonLineIsMasked() {
		JsonWriter<String> writer = JsonWriter.of(members -> {
			members.add("message", m -> "account " + m);
			members.add("county", m -> "410102");
			new MaskingJsonCustomizer().customize(uncheckedCast(members));
		});
		assertThat(writer.writeToString(ACCOUNT)).isEqualTo("{\"message\":\"account 621700*********5678\",\"county\":\"410102\"}");
	}

	@SuppressWarnings("unchecked")
	static <T> JsonWriter.Members<Object> uncheckedCast(JsonWriter.Members<T> members) {
		return (JsonWriter.Members<Object>) members;
	}

	@Test
	void theLogFormatIsAGlobalOptionOfFourValues() {
		assertThat(GlobalOptions.extract(new String[] { "status", "--log-format=ecs" }).properties())
			.containsEntry("doudi.log.format", "ecs");
		assertThat(GlobalOptions.extract(new String[] { "--log-format", "logstash", "status" }).commandArgs())
			.containsExactly("status");
		assertThatThrownBy(() -> GlobalOptions.extract(new String[] { "status", "--log-format=xml" }))
			.hasMessageContaining("text、ecs、logstash 或 gelf");
	}
}
