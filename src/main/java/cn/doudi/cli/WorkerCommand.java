package cn.doudi.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code worker [--threads=N]}: a month-end worker (README "Across machines"). Listens on RabbitMQ
 * ({@code spring.rabbitmq.*}, queue {@code doudi.workers.queue}) for the counties' partitions that a
 * {@code month-end --workers=remote} sends, runs each against the shared PostgreSQL (logging each county it
 * runs), and stays up until it is stopped. Workers are trusted: the manager authorises the month-end (user,
 * county locks, the order of months); a worker acts on what the shared database says.
 */
@Command(name = "worker", description = "月结工作进程：从 RabbitMQ 接收各区县的月结分区并执行（month-end --workers=remote 发出），直到被停止。")
class WorkerCommand implements Callable<Integer> {

	@Option(names = "--threads", description = "同时执行的分区数（默认：CPU 核数）。")
	Integer threads;

	private final ConfigurableApplicationContext context;
	private final ObjectProvider<ConnectionFactory> broker;
	private final String queue;
	private final int configuredThreads;

	WorkerCommand(ConfigurableApplicationContext context, ObjectProvider<ConnectionFactory> broker,
			@Value("${doudi.workers.queue}") String queue, @Value("${doudi.workers.threads:0}") int configuredThreads) {
		this.context = context;
		this.broker = broker;
		this.queue = queue;
		this.configuredThreads = configuredThreads;
	}

	@Override
	public Integer call() throws InterruptedException {
		// a worker that cannot reach the broker says so at once, instead of waiting for partitions that never come
		ConnectionFactory factory = broker.getIfAvailable();
		if (factory == null) {
			throw new CommandFailedException("没有 RabbitMQ 连接配置（spring.rabbitmq.*）", CommandLines.ENVIRONMENT);
		}
		try (Connection connection = factory.createConnection()) {
			// reachable
		}
		catch (RuntimeException e) {
			throw new CommandFailedException("无法连接 RabbitMQ（" + factory.getHost() + ":" + factory.getPort()
					+ "，spring.rabbitmq.*）：" + DoudiCli.rootMessage(e), CommandLines.ENVIRONMENT);
		}
		CountDownLatch closed = new CountDownLatch(1);
		context.addApplicationListener(e -> {
			if (e instanceof ContextClosedEvent) {
				closed.countDown();
			}
		});
		int n = configuredThreads > 0 ? configuredThreads : Runtime.getRuntime().availableProcessors();
		System.out.printf("月结工作进程已就绪：队列 %s，同时执行 %d 个分区（Ctrl+C 停止）%n", queue, n);
		System.out.flush();
		closed.await();
		return CommandLines.OK;
	}
}
