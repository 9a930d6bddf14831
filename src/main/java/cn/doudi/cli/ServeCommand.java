package cn.doudi.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import cn.doudi.scheduling.ScheduleException;
import cn.doudi.scheduling.Schedules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serve [--port=8080]}: the web console ({@code cn.doudi.web}). {@link DoudiCli} starts the
 * application as a servlet application for this command; this waits until the process is stopped
 * (Ctrl-C or SIGTERM), which closes the application and the embedded database cleanly. It also starts
 * the scheduler with the schedules of {@code jobs/schedules/} (cn.doudi.scheduling).
 */
@Command(name = "serve", description = "Starts the web console (http://localhost:PORT/).")
class ServeCommand implements Callable<Integer> {

	/** Read by {@link DoudiCli} before the application starts (the server binds at start-up). */
	@Option(names = "--port", description = "The HTTP port (default 8080).")
	int port = 8080;

	@Option(names = "--address", description = "The address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).")
	String address = "127.0.0.1";

	private final ConfigurableApplicationContext context;
	private final Schedules schedules;

	ServeCommand(ConfigurableApplicationContext context, Schedules schedules) {
		this.context = context;
		this.schedules = schedules;
	}

	@Override
	public Integer call() throws InterruptedException {
		CountDownLatch closed = new CountDownLatch(1);
		context.addApplicationListener(e -> {
			if (e instanceof ContextClosedEvent) {
				closed.countDown();
			}
		});
		String port = context.getEnvironment().getProperty("local.server.port", String.valueOf(this.port));
		System.out.printf("web console: http://%s:%s/  (Ctrl-C stops it)%n", address.equals("0.0.0.0") ? "localhost" : address, port);
		try {
			schedules.start();
		}
		catch (ScheduleException | IllegalStateException e) {
			// a broken schedule file must not keep the console down: it says so, and the schedules stay as they were
			System.err.println("doudi: schedules not started: " + e.getMessage().replace('\n', ' '));
		}
		closed.await();
		return 0;
	}
}
