package cn.doudi.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import cn.doudi.intake.Intakes;
import cn.doudi.scheduling.CronJobs;
import cn.doudi.scheduling.ScheduleException;
import cn.doudi.scheduling.Schedules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serve [--port=8080]}: the web console ({@code cn.doudi.web}). {@link DoudiCli} starts the
 * application as a servlet application for this command; this waits until the process is stopped
 * (Ctrl-C or SIGTERM), which closes the application and the embedded database cleanly. It also starts
 * the scheduler with the schedules of {@code jobs/schedules/} (cn.doudi.scheduling) and the intakes of
 * {@code jobs/intake/} (cn.doudi.intake); a broken file of either is reported and keeps nothing else down.
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
	private final Intakes intakes;
	private final CronJobs cronJobs;

	ServeCommand(ConfigurableApplicationContext context, Schedules schedules, Intakes intakes, CronJobs cronJobs) {
		this.context = context;
		this.schedules = schedules;
		this.intakes = intakes;
		this.cronJobs = cronJobs;
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
		startScheduler(schedules, intakes, cronJobs);
		closed.await();
		return 0;
	}

	/**
	 * Puts the schedules and the intakes into Quartz and starts this process's scheduler. A broken file must
	 * not keep the console (or the other jobs) down: it is said on standard error, and its jobs stay as they
	 * were (their firings read the file again and do nothing until it is mended).
	 */
	static void startScheduler(Schedules schedules, Intakes intakes, CronJobs cronJobs) {
		try {
			schedules.synchronise();
		}
		catch (ScheduleException | IllegalStateException e) {
			System.err.println("doudi: schedules not updated: " + e.getMessage().replace('\n', ' '));
		}
		try {
			intakes.synchronise().forEach(b -> System.err.println("doudi: intake not updated: " + b.replace('\n', ' ')));
		}
		catch (RuntimeException e) {
			System.err.println("doudi: intakes not updated: " + e.getMessage().replace('\n', ' '));
		}
		try {
			cronJobs.start();
		}
		catch (IllegalStateException e) {
			System.err.println("doudi: scheduler not started: " + e.getMessage());
		}
	}
}
