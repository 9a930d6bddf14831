package cn.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;
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

import cn.doudi.kernel.FailPoint;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;
import cn.doudi.support.SecondProcess;
import cn.doudi.support.TestData;

/**
 * A month-end of two counties runs in this context and is held mid-way — in the second county's
 * {@code computeLinesStep}, after its first thousand lines — while a second application context on the same
 * database (another process, for all it shares) reads the progress from the job repository: county 2 of 2,
 * the step, the lines written; the lines themselves are not committed yet.
 */
@DoudiIntegrationTest
class MonthEndProgressIntegrationTests {

	static final YearMonth OCT = YearMonth.of(2026, 10);
	static final int ELDERS = 1500;

	@Autowired
	MonthEnd monthEnd;

	@Autowired
	MonthEndProgresses progresses;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path out;

	final ExecutorService clerk = Executors.newSingleThreadExecutor();

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(jdbc);
		TestData data = new TestData(jdbc).standard("410102", "ELDERLY", "80-89", "2026-01", "100.00")
			.standard("410103", "ELDERLY", "80-89", "2026-01", "100.00")
			.user("fin3", "FINANCE", null)
			.beneficiary("410102001001", "A1", TestData.id("410102", "1940-03-02", 11), "张三", "户主", "ELDERLY", null,
					null, "2026-01", null);
		for (int i = 0; i < ELDERS; i++) {
			String birth = java.time.LocalDate.of(1940, 1, 1).plusDays(i / 500).toString();
			data.beneficiary("410103001001", "B" + i, TestData.id("410103", birth, i % 500), "李四", "户主", "ELDERLY", null,
					null, "2026-01", null);
		}
	}

	@AfterEach
	void tearDown() {
		FailPoint.hook(null);
		clerk.shutdownNow();
	}

	@Test
	void anotherProcessSeesTheMonthEndAsItGoes() throws Exception {
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch go = new CountDownLatch(1);
		AtomicInteger commits = new AtomicInteger();
		// progress commits: county 410102 at 0 and 1 lines, then 410103 at 0, 1000 (held there) and 1500 lines
		FailPoint.hook(name -> {
			if (name.equals("month-end.progress") && commits.incrementAndGet() == 4) {
				held.countDown();
				await(go);
			}
		});
		Future<MonthEnd.Report> running = clerk.submit(() -> monthEnd.run(OCT, List.of(), null, out, "fin3",
				new MonthEnd.Listener() {
					@Override
					public void computed(PayrollRun run) {
					}

					@Override
					public void refused(String county, String reason) {
					}
				}, 1)); // one thread: the counties one after the other, as the commits counted above
		assertThat(held.await(60, TimeUnit.SECONDS)).as("month-end reached its second county's lines").isTrue();
		try (ConfigurableApplicationContext other = SecondProcess.start()) {
			MonthEndProgresses there = other.getBean(MonthEndProgresses.class);
			MonthEndProgress p = there.latest(OCT).orElseThrow();
			assertThat(p.county()).isEqualTo("410103");
			assertThat(p.countyNo()).isEqualTo(2);
			assertThat(p.countyCount()).isEqualTo(2);
			assertThat(p.countiesDone()).isEqualTo(1);
			assertThat(p.step()).isEqualTo(MonthEndProgress.Step.LINES);
			assertThat(p.running()).isTrue();
			assertThat(p.linesWritten()).isEqualTo(1000);
			assertThat(p.linesTotal()).isEqualTo(ELDERS);
			assertThat(p.ended()).isNull();
			assertThat(p.text()).isEqualTo("第 2/2 个区县（410103）：计算并写入发放明细，已写 1,000 条发放明细（共 1,500 条）");
			assertThat(there.latest("410102", OCT).orElseThrow().step()).as("the first county's job is done")
				.isEqualTo(MonthEndProgress.Step.FILES);
			// the lines themselves are in the step's transaction, not committed yet
			assertThat(other.getBean(JdbcTemplate.class)
				.queryForObject("select count(*) from payment_line where county = '410103'", Long.class)).isZero();

			go.countDown();
			MonthEnd.Report report = running.get(120, TimeUnit.SECONDS);
			assertThat(report.runs()).hasSize(2);

			MonthEndProgress end = there.latest(OCT).orElseThrow();
			assertThat(end.step()).isEqualTo(MonthEndProgress.Step.DONE);
			assertThat(end.countiesDone()).isEqualTo(2);
			assertThat(end.linesWritten()).isEqualTo(ELDERS);
			assertThat(end.ended()).isNotNull();
		}
		finally {
			go.countDown();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(120, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
