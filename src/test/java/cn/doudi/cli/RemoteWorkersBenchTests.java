package cn.doudi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

/**
 * {@code bench month-end --workers=W} measures the remote column only where workers can run: a shared PostgreSQL
 * and a reachable broker; otherwise it says why in one line (Chinese, then English) and the other columns print.
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
}
