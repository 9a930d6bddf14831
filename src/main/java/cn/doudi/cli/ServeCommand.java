package cn.doudi.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
@Command(name = "serve", description = "启动网页控制台（http://localhost:端口/）。")
class ServeCommand implements Callable<Integer> {

	/** Read by {@link DoudiCli} before the application starts (the server binds at start-up). */
	@Option(names = "--port", description = "HTTP 端口（默认 8080）。")
	int port = 8080;

	@Option(names = "--address", description = "监听地址（默认 127.0.0.1；0.0.0.0 为所有网卡）。")
	String address = "127.0.0.1";

	@Option(names = "--tls", description = "用 --keystore 的证书提供 HTTPS（密码在 DOUDI_KEYSTORE_PASSWORD）。")
	boolean tls;

	@Option(names = "--keystore", description = "PKCS12 证书库（.p12），含服务器的私钥和证书。")
	String keystore;

	@Option(names = "--behind-proxy", description = "信任本机或内网反向代理的 X-Forwarded-For/-Proto。")
	boolean behindProxy;

	/**
	 * The server's properties for {@code --tls} and {@code --behind-proxy} (read before the application
	 * starts: the server binds at start-up). {@code --tls}: HTTPS only, with the PKCS12 keystore of
	 * {@code --keystore} and its password from {@code DOUDI_KEYSTORE_PASSWORD} (never an option: it would show
	 * in the process list); the session cookie is then always {@code Secure}. {@code --behind-proxy}: the
	 * address and scheme a reverse proxy on 127.0.0.1 or a private network forwards ({@code X-Forwarded-For},
	 * {@code X-Forwarded-Proto}) are the request's, so logins are throttled per real address and the cookie
	 * is {@code Secure} when the proxy speaks HTTPS; without it those headers are ignored (a browser could set
	 * them).
	 */
	static Map<String, Object> serverProperties(List<String> args, Map<String, String> env) {
		Map<String, Object> props = new LinkedHashMap<>();
		boolean tls = args.contains("--tls");
		String keystore = args.stream().filter(a -> a.startsWith("--keystore=")).map(a -> a.substring(11)).findFirst().orElse(null);
		if (tls) {
			if (keystore == null || keystore.isBlank()) {
				throw new IllegalArgumentException("--tls 需要 --keystore=证书文件.p12");
			}
			if (!Files.isRegularFile(Path.of(keystore))) {
				throw new IllegalArgumentException("找不到证书文件 " + keystore);
			}
			props.put("server.ssl.enabled", "true");
			props.put("server.ssl.key-store", "file:" + Path.of(keystore).toAbsolutePath());
			props.put("server.ssl.key-store-type", "PKCS12");
			props.put("server.ssl.key-store-password", env.getOrDefault("DOUDI_KEYSTORE_PASSWORD", ""));
			props.put("server.servlet.session.cookie.secure", "true");
		}
		else if (keystore != null) {
			throw new IllegalArgumentException("--keystore 只与 --tls 一起使用");
		}
		if (args.contains("--behind-proxy")) {
			props.put("server.forward-headers-strategy", "native");
		}
		return props;
	}

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
		System.out.printf("网页控制台：%s://%s:%s/（Ctrl-C 停止）%n", tls ? "https" : "http",
				address.equals("0.0.0.0") ? "localhost" : address, port);
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
			System.err.println("doudi: 定时任务未更新：" + e.getMessage().replace('\n', ' '));
		}
		try {
			intakes.synchronise().forEach(b -> System.err.println("doudi: 接收任务未更新：" + b.replace('\n', ' ')));
		}
		catch (RuntimeException e) {
			System.err.println("doudi: 接收任务未更新：" + e.getMessage().replace('\n', ' '));
		}
		try {
			cronJobs.start();
		}
		catch (IllegalStateException e) {
			System.err.println("doudi: 调度未启动：" + e.getMessage());
		}
	}
}
