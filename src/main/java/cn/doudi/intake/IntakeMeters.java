package cn.doudi.intake;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code doudi.intake.files} (counter, tags {@code feed}, {@code source}, {@code outcome}: {@code done} —
 * imported or recognised, moved to {@code done/} —, {@code rejected} — moved to {@code rejected/} with its
 * report —, {@code failed} — left for the next poll): the files this process's polls took.
 */
@Component
class IntakeMeters {

	private final MeterRegistry registry;

	IntakeMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	void file(Intake intake, String outcome) {
		Counter.builder("doudi.intake.files").description("接收通道取得的文件").tag("feed", intake.name())
			.tag("source", intake.source().code()).tag("outcome", outcome).register(registry).increment();
	}
}
