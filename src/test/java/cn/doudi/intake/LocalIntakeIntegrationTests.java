package cn.doudi.intake;

import static cn.doudi.ingest.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

import cn.doudi.ingest.Fixtures;
import cn.doudi.intake.folder.FeedFolder;
import cn.doudi.scheduling.CronJobs;

/** Feeds from a local exchange folder: fired by Quartz, finished files only, done/ and rejected/, once only. */
class LocalIntakeIntegrationTests extends IntakeTestSupport {

	@Autowired
	CronJobs cronJobs;

	@Autowired
	Claims claims;

	@TempDir
	Path exchange;

	Path inbox;

	@BeforeEach
	void inbox() throws Exception {
		inbox = Files.createDirectories(exchange.resolve("gongan"));
	}

	void deathsFeed(String cron, String complete) throws Exception {
		feed("deaths", """
				source: deaths
				folder: %s
				files: ["死亡*.csv"]
				complete: %s
				cron: "%s"
				user: intake-gongan
				""".formatted(inbox, complete, cron));
	}

	Path deathsFile(String name, int... serials) throws Exception {
		List<String> lines = new ArrayList<>(List.of(deathsHeader()));
		for (int s : serials) {
			lines.add(id("410102", "19400101", s) + ",张" + s + ",2026-10-0" + (1 + s % 9) + ",公安");
		}
		return write(inbox.resolve(name), lines.toArray(String[]::new));
	}

	@Test
	void aFileDroppedIntoTheFolderIsImportedByTheNextFiringAndMovedToDone() throws Exception {
		deathsFeed("* * * * * ?", "marker");
		deathsFile("死亡信息-202611.csv", 1, 2, 3);
		Files.createFile(inbox.resolve("死亡信息-202611.csv.ok"));
		Files.writeString(inbox.resolve("说明.txt"), "not a roster");

		assertThat(intakes.synchronise()).isEmpty();
		assertThat(jdbc.queryForList("select trigger_group || ' ' || trigger_name || ' ' || cron_expression from qrtz_cron_triggers",
				String.class)).containsExactly("intake deaths * * * * * ?");
		cronJobs.start();
		long until = System.currentTimeMillis() + 30_000;
		while (System.currentTimeMillis() < until && count("select count(*) from intake_file where status = 'COMMITTED'") == 0) {
			Thread.sleep(200);
		}
		scheduler.standby();

		assertThat(jdbc.queryForList("select file_name || ' ' || status from intake_file", String.class))
			.containsExactly("死亡信息-202611.csv COMMITTED");
		assertThat(count("select count(*) from intake_poll where fired_by = 'quartz'")).isEqualTo(1);
		assertThat(count("select count(*) from death")).isEqualTo(3);
		assertThat(jdbc.queryForObject("select imported_by from import_batch where status = 'COMMITTED'", String.class))
			.isEqualTo("intake-gongan");
		Path done = inbox.resolve("done").resolve(month());
		assertThat(done.resolve("死亡信息-202611.csv")).exists();
		assertThat(inbox.resolve("死亡信息-202611.csv")).doesNotExist();
		assertThat(inbox.resolve("死亡信息-202611.csv.ok")).as("the marker is removed").doesNotExist();
		assertThat(inbox.resolve("说明.txt")).as("not one of the feed's files").exists();
		Long importId = jdbc.queryForObject("select import_id from intake_file", Long.class);
		assertThat(jdbc.queryForList("select actor || ' ' || action || ' ' || subject || ' ' || detail from audit_event where action in ('IMPORT', 'INTAKE') order by id",
				String.class))
			.anySatisfy(a -> assertThat(a).startsWith("intake-gongan IMPORT import:" + importId))
			.anySatisfy(a -> assertThat(a).startsWith("intake-gongan INTAKE import:" + importId + " feed=deaths source=deaths file=死亡信息-202611.csv status=COMMITTED rows=3/0"));
		assertThat(jdbc.queryForObject("select read_count || '/' || write_count from batch_step_execution where step_name = 'intakeFilesStep'",
				String.class)).isEqualTo("1/1");
	}

	@Test
	void aFileStillBeingWrittenIsLeftAloneUntilItIsComplete() throws Exception {
		deathsFeed("0 0 2 * * ?", "stable");
		Path file = deathsFile("死亡-1.csv", 1);

		PollReport first = intakes.runNow("deaths");
		Files.writeString(file, id("410102", "19400101", 2) + ",张2,2026-10-03,火化\r\n", StandardCharsets.UTF_8,
				java.nio.file.StandardOpenOption.APPEND);
		PollReport growing = intakes.runNow("deaths");

		assertThat(first.waiting()).containsExactly("死亡-1.csv");
		assertThat(growing.waiting()).containsExactly("死亡-1.csv");
		assertThat(first.files()).isEmpty();
		assertThat(growing.files()).isEmpty();
		assertThat(count("select count(*) from import_batch")).isZero();

		PollReport unchanged = intakes.runNow("deaths");

		assertThat(unchanged.files()).extracting(ReceivedFile::status).containsExactly("COMMITTED");
		assertThat(unchanged.files().get(0).rowsAccepted()).as("the whole file, both rows").isEqualTo(2);
		assertThat(inbox.resolve("done").resolve(month()).resolve("死亡-1.csv")).exists();
	}

	@Test
	void withMarkersAFileWithoutItsMarkerIsNotTaken() throws Exception {
		deathsFeed("0 0 2 * * ?", "marker");
		deathsFile("死亡-1.csv", 1);

		assertThat(intakes.runNow("deaths").waiting()).containsExactly("死亡-1.csv");
		assertThat(intakes.runNow("deaths").files()).isEmpty();

		Files.createFile(inbox.resolve("死亡-1.done"));
		assertThat(intakes.runNow("deaths").files()).extracting(ReceivedFile::status).containsExactly("COMMITTED");
		assertThat(inbox.resolve("死亡-1.done")).doesNotExist();
	}

	@Test
	void aBadFileLandsInRejectedWithItsReportAndThePreviousSnapshotStays() throws Exception {
		feed("poverty", """
				source: poverty
				folder: %s
				complete: marker
				cron: "0 0 2 * * ?"
				user: intake-fupin
				""".formatted(inbox));
		String header = "身份证号,姓名,区划代码,户编号,类别";
		String p1 = id("410102", "19600101", 1);
		write(inbox.resolve("脱贫-10.csv"), header, p1 + ",甲,410102001001,F1,未脱贫人口");
		Files.createFile(inbox.resolve("脱贫-10.ok"));
		assertThat(intakes.runNow("poverty").files()).extracting(ReceivedFile::status).containsExactly("COMMITTED");
		Long first = jdbc.queryForObject("select import_id from snapshot where source = 'poverty'", Long.class);

		write(inbox.resolve("脱贫-11.csv"), header, p1 + ",甲,410102001001,F1,已稳定脱贫",
				Fixtures.badCheck(id("410102", "19600101", 2)) + ",乙,410102001001,F2,未脱贫人口");
		Files.createFile(inbox.resolve("脱贫-11.csv.ok"));
		PollReport report = intakes.runNow("poverty");

		ReceivedFile bad = report.files().get(0);
		assertThat(bad.status()).isEqualTo("REJECTED");
		assertThat(bad.archivedAs()).isEqualTo("rejected/" + month() + "/脱贫-11.csv");
		assertThat(bad.report()).isEqualTo("rejected/" + month() + "/脱贫-11.csv.errors.xlsx");
		Path rejected = inbox.resolve("rejected").resolve(month());
		assertThat(rejected.resolve("脱贫-11.csv")).exists();
		assertThat(rejected.resolve("脱贫-11.csv.errors.xlsx")).exists();
		assertThat(inbox.resolve("脱贫-11.csv.errors.xlsx")).doesNotExist();
		assertThat(jdbc.queryForObject("select import_id from snapshot where source = 'poverty'", Long.class)).isEqualTo(first);
		assertThat(jdbc.queryForList("select category from current_poverty", String.class)).containsExactly("未脱贫人口");
		try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(rejected.resolve("脱贫-11.csv.errors.xlsx").toFile())) {
			var row = wb.getSheetAt(0).getRow(1);
			assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(3);
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo("身份证号");
		}
	}

	@Test
	void aFeedThatAcceptsValidRowsImportsThemAndKeepsTheReportBesideTheFileInDone() throws Exception {
		feed("poverty", """
				source: poverty
				folder: %s
				complete: marker
				rejected-rows: accept-valid-rows
				cron: "0 0 2 * * ?"
				user: intake-fupin
				""".formatted(inbox));
		write(inbox.resolve("脱贫-11.csv"), "身份证号,姓名,区划代码,户编号,类别", id("410102", "19600101", 1) + ",甲,410102001001,F1,未脱贫人口",
				Fixtures.badCheck(id("410102", "19600101", 2)) + ",乙,410102001001,F2,未脱贫人口");
		Files.createFile(inbox.resolve("脱贫-11.csv.ok"));

		ReceivedFile f = intakes.runNow("poverty").files().get(0);

		assertThat(f.status()).isEqualTo("COMMITTED");
		assertThat(f.rowsAccepted() + "/" + f.rowsRejected()).isEqualTo("1/1");
		assertThat(f.report()).isEqualTo("done/" + month() + "/脱贫-11.csv.errors.xlsx");
		assertThat(inbox.resolve("done").resolve(month()).resolve("脱贫-11.csv.errors.xlsx")).exists();
		assertThat(jdbc.queryForList("select name from current_poverty", String.class)).containsExactly("甲");
	}

	@Test
	void theSameFileAgainIsRecognisedAndChangesNothing() throws Exception {
		deathsFeed("0 0 2 * * ?", "marker");
		Path file = deathsFile("死亡-1.csv", 1, 2);
		String content = Files.readString(file);
		Files.createFile(inbox.resolve("死亡-1.csv.ok"));
		ReceivedFile first = intakes.runNow("deaths").files().get(0);

		Files.writeString(inbox.resolve("死亡-1.csv"), content);
		Files.createFile(inbox.resolve("死亡-1.csv.ok"));
		ReceivedFile again = intakes.runNow("deaths").files().get(0);

		assertThat(first.status()).isEqualTo("COMMITTED");
		assertThat(again.status()).isEqualTo("DUPLICATE");
		assertThat(again.importId()).isEqualTo(first.importId());
		assertThat(again.archivedAs()).isEqualTo("done/" + month() + "/死亡-1-2.csv");
		assertThat(count("select count(*) from import_batch")).isEqualTo(1);
		assertThat(count("select count(*) from death")).isEqualTo(2);
	}

	@Test
	void aFileTheFeedsUserMayNotImportStaysForTheNextPoll() throws Exception {
		jdbc.update("update app_user set role = 'MONITOR' where name = 'intake-gongan'");
		deathsFeed("0 0 2 * * ?", "marker");
		deathsFile("死亡-1.csv", 1);
		Files.createFile(inbox.resolve("死亡-1.csv.ok"));

		ReceivedFile refused = intakes.runNow("deaths").files().get(0);

		assertThat(refused.status()).isEqualTo("FAILED");
		assertThat(refused.message()).contains("无权导入死亡/火化信息");
		assertThat(inbox.resolve("死亡-1.csv")).exists();
		assertThat(intakes.list(java.time.ZonedDateTime.now(), 1).intakes().get(0).problems())
			.containsExactly("用户 intake-gongan（MONITOR）无权导入名册（应为 OPERATOR）");

		jdbc.update("update app_user set role = 'OPERATOR' where name = 'intake-gongan'");
		assertThat(intakes.runNow("deaths").files()).extracting(ReceivedFile::status).containsExactly("COMMITTED");
	}

	@Test
	void twoPollersRacingNeverImportOneFileTwice() throws Exception {
		deathsFeed("0 0 2 * * ?", "marker");
		for (int f = 1; f <= 4; f++) {
			deathsFile("死亡-" + f + ".csv", f * 10, f * 10 + 1);
			Files.createFile(inbox.resolve("死亡-" + f + ".csv.ok"));
		}
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<PollReport>> polls = new ArrayList<>();
			for (int t = 0; t < 2; t++) {
				polls.add(pool.submit(() -> {
					start.await();
					return intakes.runNow("deaths");
				}));
			}
			List<PollReport> reports = new ArrayList<>();
			for (Future<PollReport> p : polls) {
				reports.add(p.get());
			}
			assertThat(reports.stream().mapToInt(r -> r.files().size()).sum()).as("each file taken by one poll").isEqualTo(4);
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(count("select count(*) from intake_file")).isEqualTo(4);
		assertThat(count("select count(*) from intake_file where status = 'COMMITTED'")).isEqualTo(4);
		assertThat(count("select count(*) from import_batch")).isEqualTo(4);
		assertThat(count("select count(*) from death")).isEqualTo(8);
		assertThat(inbox.resolve("done").resolve(month()).toFile().list()).hasSize(4);
	}

	@Test
	void theDatabaseHoldsOneLiveClaimPerFile() {
		FeedFolder.Entry file = new FeedFolder.Entry("死亡-1.csv", 10, java.time.Instant.parse("2026-11-20T01:02:03Z"));
		claims.newPoll("deaths", "hand", List.of(file));

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> claims.newPoll("deaths", "hand", List.of(file)))
			.isInstanceOf(DuplicateKeyException.class);
		assertThat(count("select count(*) from intake_poll")).as("the second poll rolled back whole").isEqualTo(1);
	}

	@Test
	void aMissingFolderIsReportedAndKeepsNothingElseDown() throws Exception {
		feed("gone", "source: deaths\nfolder: " + exchange.resolve("nowhere") + "\ncron: \"0 0 2 * * ?\"\nuser: intake-gongan\n");
		feed("broken", "source: deaths\nfolder: x\ncron: every minute\nuser: intake-gongan\n");
		deathsFeed("0 0 2 * * ?", "stable");

		PollReport gone = intakes.runNow("gone");
		var listing = intakes.list(java.time.ZonedDateTime.now(), 1);

		assertThat(gone.problem()).contains("nowhere");
		assertThat(listing.broken()).singleElement().asString().contains("broken.yml: cron \"every minute\"");
		assertThat(listing.intakes()).extracting(l -> l.intake().name()).containsExactly("deaths", "gone");
		assertThat(listing.intakes().get(1).problems()).singleElement().asString().contains("不存在");
		assertThat(listing.intakes().get(1).lastPollResult()).startsWith("无法读取");
		assertThat(intakes.synchronise()).singleElement().asString().contains("broken.yml");
		assertThat(jdbc.queryForList("select trigger_name from qrtz_triggers where trigger_group = 'intake' order by 1", String.class))
			.containsExactly("deaths", "gone");
	}
}
