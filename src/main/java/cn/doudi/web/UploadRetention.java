package cn.doudi.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.doudi.security.AuditLog;

/**
 * The console keeps what browsers upload — rosters with their error reports, bank return files — under
 * {@code <home>/console-uploads/}, one folder per upload; a folder older than {@code doudi.web.uploads-retention}
 * (default 90 days: long enough for the month's review and its questions, short enough not to keep
 * everyone's ID numbers for ever) is deleted, and each clean-up that deleted anything is audited
 * ({@code UPLOADS_CLEANED}: how many uploads, how many bytes, the oldest kept date). The data imported from
 * them stays in the database; only the files go. Runs a minute after {@code serve} starts and then daily.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UploadRetention implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(UploadRetention.class);

	private final Path uploads;
	private final Duration retention;
	private final AuditLog audit;
	private final Clock clock;
	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "upload-retention");
		t.setDaemon(true);
		return t;
	});

	UploadRetention(@Value("${doudi.web.upload-dir:${doudi.home}/console-uploads}") Path uploads,
			@Value("${doudi.web.uploads-retention:90d}") Duration retention, AuditLog audit, Clock clock) {
		this.uploads = uploads;
		this.retention = retention;
		this.audit = audit;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void schedule() {
		timer.scheduleAtFixedRate(() -> {
			try {
				clean();
			}
			catch (RuntimeException e) {
				log.warn("cleaning {} failed: {}", uploads, e.getMessage());
			}
		}, 1, 24 * 60, TimeUnit.MINUTES);
	}

	/** Deletes the upload folders last changed before the retention; returns how many. */
	int clean() {
		Instant cutoff = clock.instant().minus(retention);
		int removed = 0;
		long bytes = 0;
		for (Path root : List.of(uploads, uploads.resolve("bank-returns"))) {
			if (!Files.isDirectory(root)) {
				continue;
			}
			try (Stream<Path> s = Files.list(root)) {
				for (Path folder : s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().equals("bank-returns")).toList()) {
					if (lastChange(folder).isBefore(cutoff)) {
						bytes += delete(folder);
						removed++;
					}
				}
			}
			catch (IOException e) {
				log.warn("cannot list {}: {}", root, e.getMessage());
			}
		}
		if (removed > 0) {
			audit.record("system", "UPLOADS_CLEANED", null, uploads.toString(),
					removed + " uploads, " + bytes + " bytes, older than " + retention.toDays() + " days");
			log.info("deleted {} console uploads older than {} days", removed, retention.toDays());
		}
		return removed;
	}

	/** The newest modification time of anything in the folder (an error report written later counts). */
	private static Instant lastChange(Path folder) throws IOException {
		try (Stream<Path> s = Files.walk(folder)) {
			return s.map(p -> {
				try {
					return Files.getLastModifiedTime(p).toInstant();
				}
				catch (IOException e) {
					return Instant.MAX;
				}
			}).max(Comparator.naturalOrder()).orElse(Instant.MAX);
		}
	}

	private static long delete(Path folder) throws IOException {
		long bytes = 0;
		try (Stream<Path> s = Files.walk(folder)) {
			for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
				if (Files.isRegularFile(p)) {
					bytes += Files.size(p);
				}
				Files.deleteIfExists(p);
			}
		}
		return bytes;
	}

	@Override
	public void destroy() {
		timer.shutdownNow();
	}
}
