package cn.doudi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code bench month-end --workers=W} measures the remote column only where workers can run: a shared PostgreSQL
 * and a reachable broker; otherwise it says why in one line (Chinese, then English) and the other columns print.
 * {@code --workers=1,2} measures a column per count, and one worker against one thread is the distribution's cost.
 */
class RemoteWorkersBenchTests {

	static RemoteWorkersBench.Settings settings(String dbUrl, int rabbitPort) {
		return new RemoteWorkersBench.Settings(dbUrl, "postgres", "", "127.0.0.1", rabbitPort, "guest", "guest",
				"bench-finance", "x");
	}

	@Test
	void onTheEmbeddedDatabaseTheRemoteColumnIsSkippedSayingWhy() {
		assertThat(RemoteWorkersBench.unavailable(settings("", 5672))).hasValueSatisfying(why -> assertThat(why)
			.startsWith("远程工作进程一栏跳过：内嵌数据库只属于本进程")
			.contains("--db-url")
			.contains("remote workers column skipped"));
	}

	@Test
	void withoutABrokerTheRemoteColumnIsSkippedNamingTheBroker() throws Exception {
		int closed;
		try (ServerSocket s = new ServerSocket(0)) {
			closed = s.getLocalPort(); // free once closed: nothing listens there
		}
		assertThat(RemoteWorkersBench.unavailable(settings("jdbc:postgresql://127.0.0.1:5432/x", closed)))
			.hasValueSatisfying(why -> assertThat(why).startsWith("远程工作进程一栏跳过：无法连接 RabbitMQ（127.0.0.1:" + closed + "）")
				.endsWith("remote workers column skipped: RabbitMQ not reachable"));
	}

	@Test
	void withTheMachinesBrokerAndASharedDatabaseTheRemoteColumnRuns() {
		// the machine's RabbitMQ (127.0.0.1:5672, guest/guest), as PartitionedMonthEndIntegrationTests use it
		assertThat(RemoteWorkersBench.unavailable(settings("jdbc:postgresql://127.0.0.1:5432/x", 5672))).isEmpty();
	}

	@Test
	void severalWorkerCountsGiveAColumnEachInTheOrderGivenAndZeroNone() {
		assertThat(WorkerCounts.columns(List.of(1, 2))).containsExactly(1, 2);
		assertThat(WorkerCounts.columns(List.of(2, 0, 1, 2))).containsExactly(2, 1);
		assertThat(WorkerCounts.columns(List.of(0))).isEmpty();
		assertThat(new WorkerCounts().convert(" 3 ")).isEqualTo(3);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WorkerCounts().convert("two"))
			.hasMessageStartingWith("应为工作进程数")
			.hasMessageContaining("1,2");
	}

	@Test
	void oneWorkerAgainstOneThreadSaysWhatTheDistributionItselfCosts() {
		// the same 6,000 lines: the thread in 3,000 ms (partitions 2,500), the worker's month in 4,000 ms (partitions
		// 3,000), its own partitions' time 2,400 ms; JVM CPU 5,000 against 8,000 ms (the worker's JVM 6,000, the
		// manager's 2,000); in the partitions the JVM's CPU 4,000 against 4,800 ms, their threads' 3,000 both
		ProvinceBench.Round thread = new ProvinceBench.Round("1 thread", 6_000, 3_000, 2_500, 100, 300, 5_000, 4_000,
				3_000);
		ProvinceBench.Round worker = new ProvinceBench.Round("1 worker (remote)", 6_000, 4_000, 3_000, 90, 300, 8_000,
				4_800, 3_000, List.of(new RemoteWorkersBench.WorkerFigures("1@host", 10, 6_000, 2_400, 90, 40, 40, 4_800,
						3_000, 6_000)));
		assertThat(ProvinceBench.distributionCost(thread, worker)).contains("the month 4,000 against 3,000 ms")
			.contains("lines/s 75 % of the thread's") // 1,500 against 2,000 lines/s
			.contains("partitioned job 3,000 against 2,500 ms (83 % of the thread's speed)")
			.contains("month-wide files after it) 1,000 against 500 ms")
			.contains("worker's own lines/s 2,500, 125 % of the thread's")
			.contains("lines per JVM CPU s 750 against 1,200 (63 %)")
			.contains("lines per CPU s of the JVM computing them 1,250 against 1,500 (83 %)")
			.contains("of their threads 2,000 against 2,000 (100 %)")
			.contains("the worker's JVM between its partitions 1,200 ms CPU and the manager's JVM 2,000 ms");
	}

	@Test
	void theWorkersOptionTakesAListAndNamesABadOne() {
		assertThat(DoudiCli.answerWithoutStarting(List.of("bench", "month-end", "--counties=2", "--workers=1,2"))).isNull();
		assertThat(DoudiCli.answerWithoutStarting(List.of("bench", "month-end", "--counties=2", "--workers=1,x")))
			.isEqualTo(CommandLines.USAGE);
	}
}
