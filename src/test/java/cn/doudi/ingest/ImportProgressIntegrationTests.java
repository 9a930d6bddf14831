package cn.doudi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.ingest.bench.RosterFiles;
import cn.doudi.kernel.FailPoint;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;
import cn.doudi.support.SecondProcess;

/**
 * An import of a 20,000-row roster runs in this context and is held after its first progress commit with
 * rows in it; a second application context on the same database reads the rows and bytes read of the
 * file's size from the job repository; then, once the import is let go, how it ended.
 */
@DoudiIntegrationTest
class ImportProgressIntegrationTests {

	static final int ROWS = 20_000;

	@Autowired
	RosterImports imports;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportProgresses progresses;

	@TempDir
	Path dir;

	final ExecutorService operator = Executors.newSingleThreadExecutor();

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(jdbc);
		Fixtures.users(jdbc);
	}

	@AfterEach
	void tearDown() {
		FailPoint.hook(null);
		operator.shutdownNow();
	}

	@Test
	void anXlsxReportsTheShareOfItsSheetRead() throws Exception {
		Path file = RosterFiles.xlsx(dir.resolve("beneficiaries.xlsx"), ROWS);
		long size = Files.size(file);
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch go = new CountDownLatch(1);
		AtomicInteger commits = new AtomicInteger();
		FailPoint.hook(name -> {
			if (name.equals("import.progress") && commits.incrementAndGet() == 2) {
				held.countDown();
				try {
					go.await(120, TimeUnit.SECONDS);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		});
		Future<ImportOutcome> running = operator
			.submit(() -> imports.importFiles(Source.BENEFICIARIES, List.of(file), ImportOptions.by("tester")));
		try {
			assertThat(held.await(60, TimeUnit.SECONDS)).isTrue();
			ImportProgress p = progresses.running().orElseThrow();
			assertThat(p.rowsRead()).isEqualTo(4096);
			assertThat(p.bytesTotal()).isEqualTo(size);
			assertThat(p.bytesRead()).as("the share of the sheet's XML inflated, of the file's size").isPositive()
				.isLessThan(size);
		}
		finally {
			go.countDown();
		}
		ImportOutcome outcome = running.get(120, TimeUnit.SECONDS);
		assertThat(outcome.committed()).isTrue();
		assertThat(progresses.ofImport(outcome.importId()).orElseThrow().bytesRead()).isEqualTo(size);
	}

	@Test
	void anotherProcessSeesTheRowsAndBytesRead() throws Exception {
		Path file = RosterFiles.csv(dir.resolve("beneficiaries.csv"), ROWS);
		long size = Files.size(file);
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch go = new CountDownLatch(1);
		AtomicInteger commits = new AtomicInteger();
		// the first commit is at 0 rows, the second after 4096 rows: held there
		FailPoint.hook(name -> {
			if (name.equals("import.progress") && commits.incrementAndGet() == 2) {
				held.countDown();
				try {
					go.await(120, TimeUnit.SECONDS);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		});
		Future<ImportOutcome> running = operator
			.submit(() -> imports.importFiles(Source.BENEFICIARIES, List.of(file), ImportOptions.by("tester")));
		assertThat(held.await(60, TimeUnit.SECONDS)).as("the import committed progress mid-way").isTrue();
		try (ConfigurableApplicationContext other = SecondProcess.start()) {
			ImportProgresses there = other.getBean(ImportProgresses.class);
			ImportProgress p = there.running().orElseThrow();
			assertThat(p.running()).isTrue();
			assertThat(p.source()).isEqualTo("beneficiaries");
			assertThat(p.file()).isEqualTo("beneficiaries.csv");
			assertThat(p.rowsRead()).isEqualTo(4096);
			assertThat(p.bytesTotal()).isEqualTo(size);
			assertThat(p.bytesRead()).isPositive().isLessThan(size);
			assertThat(p.text()).startsWith("已读 4,096 行 / 共 " + String.format("%.1f MB", size / 1_048_576.0));
			assertThat(there.ofImport(p.importId())).contains(p);

			go.countDown();
			ImportOutcome outcome = running.get(120, TimeUnit.SECONDS);
			assertThat(outcome.committed()).isTrue();

			ImportProgress end = there.ofImport(outcome.importId()).orElseThrow();
			assertThat(end.running()).isFalse();
			assertThat(end.status()).isEqualTo("COMPLETED");
			assertThat(end.rowsRead()).isEqualTo(ROWS);
			assertThat(end.bytesRead()).isEqualTo(size);
			assertThat(end.percent()).isEqualTo(100);
			assertThat(there.running()).isEmpty();
		}
		finally {
			go.countDown();
		}
	}
}
