package cn.doudi.ingest;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The imports' meters (README "Watching it run"): {@code doudi.import.rows} (counter, tags {@code source}
 * and {@code outcome} {@code imported}/{@code rejected}): the rows this process's uploads committed and the rows
 * they refused, from the command line, the console or an intake; {@code doudi.import.files} (counter, tags
 * {@code source}, {@code status} COMMITTED/DUPLICATE/REJECTED): the uploads.
 */
@Component
class ImportMeters {

	private final MeterRegistry registry;

	ImportMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	void imported(ImportOutcome outcome) {
		String source = outcome.source().code();
		Counter.builder("doudi.import.files").description("导入的上传文件（批）").tag("source", source)
			.tag("status", outcome.status().name()).register(registry).increment();
		if (outcome.duplicate()) {
			return;
		}
		int imported = outcome.committed() ? outcome.rowsAccepted() : 0;
		int rejected = outcome.rowsRejected(); // refused rows (a refused upload's valid rows count as neither)
		rows(source, "imported").increment(imported);
		rows(source, "rejected").increment(rejected);
	}

	private Counter rows(String source, String outcome) {
		return Counter.builder("doudi.import.rows").description("导入的名册行（导入成功、被拒）").tag("source", source)
			.tag("outcome", outcome).register(registry);
	}
}
