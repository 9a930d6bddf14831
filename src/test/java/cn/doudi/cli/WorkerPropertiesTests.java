package cn.doudi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code month-end --threads=N --workers=remote} and {@code worker --threads=N} become {@code doudi.workers.*}
 * before the application starts (only then does a remote month-end or a worker create its RabbitMQ beans);
 * every other command, and a month-end without them, leaves the in-process default alone.
 */
class WorkerPropertiesTests {

	@Test
	void aRemoteMonthEndAndAWorkerAskForTheBroker() {
		assertThat(DoudiCli.workerProperties("month-end", List.of("month-end", "--month=2026-10", "--workers=remote")))
			.containsEntry("doudi.workers.mode", "remote")
			.doesNotContainKey("doudi.workers.listen");
		assertThat(DoudiCli.workerProperties("worker", List.of("worker", "--threads", "3")))
			.containsEntry("doudi.workers.mode", "remote")
			.containsEntry("doudi.workers.listen", "true")
			.containsEntry("doudi.workers.threads", "3");
	}

	@Test
	void threadsAloneStayInProcessAndOtherCommandsAreLeftAlone() {
		assertThat(DoudiCli.workerProperties("month-end", List.of("month-end", "--month=2026-10", "--threads=4")))
			.containsOnlyKeys("doudi.workers.threads")
			.containsEntry("doudi.workers.threads", "4");
		assertThat(DoudiCli.workerProperties("demo", List.of("demo", "--threads=4"))).isEmpty();
		assertThat(DoudiCli.workerProperties("serve", List.of("serve", "--port=8080"))).isEmpty();
	}
}
