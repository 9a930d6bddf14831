package cn.doudi.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule files of jobs/schedules/: what a valid one means, and each mistake's message. */
class ScheduleFilesTests {

	static final Path FILE = Path.of("jobs/schedules/monthly.yml");

	@Test
	void aFullScheduleAndItsDefaults() {
		Schedule s = ScheduleFiles.parse(FILE, """
				task: month-end
				cron: "0 0 2 25 * ?"
				month: previous
				counties: [410102, "410122"]
				out: /srv/doudi/{month}
				user: scheduler
				""");
		assertThat(s.name()).isEqualTo("monthly");
		assertThat(s.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
		assertThat(s.counties()).containsExactly("410102", "410122");
		assertThat(s.enabled()).isTrue();
		// fired at 02:00 on 1 Dec Beijing time (still 30 Nov in UTC): "previous" is November
		ZonedDateTime at = ZonedDateTime.of(2026, 11, 30, 18, 0, 0, 0, ZoneId.of("UTC"));
		assertThat(s.monthAt(at)).isEqualTo(YearMonth.of(2026, 11));
		assertThat(s.folderFor(YearMonth.of(2026, 11))).isEqualTo(Path.of("/srv/doudi/2026-11"));

		Schedule all = ScheduleFiles.parse(FILE, """
				cron: "0 0 2 25 * ?"
				counties: all
				out: out/{month}
				user: scheduler
				enabled: false
				""");
		assertThat(all.task()).isEqualTo("month-end");
		assertThat(all.counties()).isEmpty();
		assertThat(all.month()).isEqualTo(Schedule.Relative.CURRENT);
		assertThat(all.monthAt(at)).isEqualTo(YearMonth.of(2026, 12));
		assertThat(all.enabled()).isFalse();
	}

	@Test
	void everyMistakeIsNamedWithTheFileAndTheKey() {
		assertThatThrownBy(() -> ScheduleFiles.parse(FILE, """
				task: import
				cron: "0 0 2 32 * ?"
				time-zone: Mars/Olympus
				month: next
				counties: [4101]
				colour: blue
				enabled: yes please
				"""))
			.isInstanceOf(ScheduleException.class)
			.hasMessageContaining(FILE + ": 未知的键 colour")
			.hasMessageContaining("task import 不支持")
			.hasMessageContaining("cron \"0 0 2 32 * ?\" 不是有效的 Quartz cron 表达式")
			.hasMessageContaining("time-zone Mars/Olympus 无法识别")
			.hasMessageContaining("month 应为 current（触发当月）或 previous（上月），而不是 next")
			.hasMessageContaining("counties 中的 4101 不是6位区县代码")
			.hasMessageContaining("缺少 out")
			.hasMessageContaining("缺少 user")
			.hasMessageContaining("enabled 应为 true 或 false");
		assertThatThrownBy(() -> ScheduleFiles.parse(FILE, "- a\n- b\n")).hasMessageContaining("应为键值表");
		assertThatThrownBy(() -> ScheduleFiles.parse(FILE, "cron: [unclosed\n")).hasMessageContaining("不是有效的 YAML");
	}

	@Test
	void oneBadFileStopsEveryScheduleFromLoading(@TempDir Path jobs) throws Exception {
		Files.createDirectories(jobs.resolve("schedules"));
		Files.writeString(jobs.resolve("schedules/good.yml"), "cron: \"0 0 2 25 * ?\"\nout: o\nuser: u\n");
		ScheduleFiles files = new ScheduleFiles(jobs.toString());
		assertThat(files.load()).extracting(Schedule::name).containsExactly("good");

		Files.writeString(jobs.resolve("schedules/bad.yml"), "cron: nonsense\nout: o\nuser: u\n");
		assertThatThrownBy(files::load).isInstanceOf(ScheduleException.class).hasMessageContaining("bad.yml: cron");

		assertThat(new ScheduleFiles(jobs.resolve("nowhere").toString()).load()).isEmpty();
	}

	@Test
	void theShippedScheduleIsValid() {
		assertThat(new ScheduleFiles("jobs").load()).extracting(Schedule::name).contains("month-end");
	}
}
