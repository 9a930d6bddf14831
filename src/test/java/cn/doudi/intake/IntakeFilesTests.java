package cn.doudi.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.doudi.ingest.Source;

/** The intake files of jobs/intake/: what a valid one means, each mistake's message, and which files a feed takes. */
class IntakeFilesTests {

	static final Path FILE = Path.of("jobs/intake/deaths.yml");
	static final Path HOME = Path.of("/srv/doudi");

	@Test
	void aLocalFeedAndItsDefaults() {
		Intake i = IntakeFiles.parse(FILE, """
				source: deaths
				folder: exchange/deaths
				cron: "0 */10 * * * ?"
				user: intake-gongan
				""", HOME);
		assertThat(i.name()).isEqualTo("deaths");
		assertThat(i.source()).isEqualTo(Source.DEATHS);
		assertThat(i.location()).isEqualTo(new Intake.Folder(Path.of("/srv/doudi/exchange/deaths"), Path.of("/srv/doudi/exchange/deaths")));
		assertThat(i.files()).containsExactly("*.csv", "*.xlsx");
		assertThat(i.complete()).isEqualTo(Intake.Completion.STABLE);
		assertThat(i.acceptValidRows()).isFalse();
		assertThat(i.encoding()).isNull();
		assertThat(i.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
		assertThat(i.enabled()).isTrue();
	}

	@Test
	void anSftpFeedNamesItsSecretNeverHoldsIt() {
		Intake i = IntakeFiles.parse(Path.of("jobs/intake/canlian.yml"), """
				source: disability
				sftp:
				  host: 10.1.2.3
				  port: 2222
				  user: minzheng
				  folder: /outbox/disability/
				  password-env: DOUDI_SFTP_CANLIAN_PASSWORD
				  private-key: keys/canlian
				  host-key: "SHA256:abcDEF123"
				archive: /archive
				files: 残疾人*.xlsx
				complete: marker
				rejected-rows: accept-valid-rows
				encoding: GBK
				cron: "0 0 1 * * ?"
				time-zone: UTC
				user: intake-canlian
				enabled: false
				""", HOME);
		assertThat(i.location()).isEqualTo(new Intake.Sftp("10.1.2.3", 2222, "minzheng", "/outbox/disability/", "/archive",
				"DOUDI_SFTP_CANLIAN_PASSWORD", Path.of("/srv/doudi/keys/canlian"), "SHA256:abcDEF123"));
		assertThat(i.location().describe()).isEqualTo("sftp://minzheng@10.1.2.3:2222/outbox/disability/");
		assertThat(i.files()).containsExactly("残疾人*.xlsx");
		assertThat(i.complete()).isEqualTo(Intake.Completion.MARKER);
		assertThat(i.acceptValidRows()).isTrue();
		assertThat(i.encoding()).isEqualTo(Charset.forName("GBK"));
		assertThat(i.enabled()).isFalse();
	}

	@Test
	void everyMistakeIsNamedWithTheFileAndTheKey() {
		assertThatThrownBy(() -> IntakeFiles.parse(FILE, """
				source: standards
				folder: a
				sftp: {host: h}
				files: ["a/b.csv"]
				complete: soon
				rejected-rows: some
				encoding: KLINGON-8
				cron: "0 0 2 32 * ?"
				time-zone: Mars/Olympus
				colour: blue
				enabled: yes please
				""", HOME))
			.isInstanceOf(IntakeException.class)
			.hasMessageContaining(FILE + ": 未知的键 colour")
			.hasMessageContaining("source standards 不能自动接收")
			.hasMessageContaining("应有 folder（本机目录，如前置机的交换目录）或 sftp（SFTP 服务器），且只能有其一")
			.hasMessageContaining("files 中的 \"a/b.csv\" 不是有效的文件名模式")
			.hasMessageContaining("complete 应为 marker")
			.hasMessageContaining("rejected-rows 应为 refuse-file")
			.hasMessageContaining("encoding KLINGON-8 无法识别")
			.hasMessageContaining("cron \"0 0 2 32 * ?\" 不是有效的 Quartz cron 表达式")
			.hasMessageContaining("time-zone Mars/Olympus 无法识别")
			.hasMessageContaining("缺少 user")
			.hasMessageContaining("enabled 应为 true 或 false");
		assertThatThrownBy(() -> IntakeFiles.parse(FILE, """
				source: disability
				sftp:
				  host: h
				  port: 99999
				  folder: outbox
				  password: hunter2
				  password-env: "not a name"
				cron: "0 0 1 * * ?"
				user: u
				""", HOME))
			.hasMessageContaining("sftp 下未知的键 password")
			.hasMessageContaining("sftp.port 应为 1–65535 的整数")
			.hasMessageContaining("缺少 sftp.user")
			.hasMessageContaining("sftp.folder 应为服务器上的绝对路径")
			.hasMessageContaining("sftp.password-env 应为环境变量名")
			.hasMessageContaining("缺少或无法识别 sftp.host-key");
		assertThatThrownBy(() -> IntakeFiles.parse(FILE, "source: nonsense\nfolder: f\ncron: \"0 * * * * ?\"\nuser: u\n", HOME))
			.hasMessageContaining("source nonsense 无法识别");
		assertThatThrownBy(() -> IntakeFiles.parse(FILE, "- a\n", HOME)).hasMessageContaining("应为键值表");
		assertThatThrownBy(() -> IntakeFiles.parse(FILE, "cron: [unclosed\n", HOME)).hasMessageContaining("不是有效的 YAML");
	}

	@Test
	void aFeedTakesItsOwnFilesNeverReportsMarkersOrTemporaryFiles() {
		Intake i = IntakeFiles.parse(FILE, """
				source: deaths
				folder: f
				files: ["死亡*.csv", "死亡*.xlsx"]
				cron: "0 * * * * ?"
				user: u
				""", HOME);
		assertThat(i.matches("死亡信息-202611.csv")).isTrue();
		assertThat(i.matches("死亡信息-202611.XLSX")).as("case does not matter").isTrue();
		assertThat(i.matches("婚姻-202611.csv")).isFalse();
		assertThat(i.matches("死亡信息-202611.csv.errors.xlsx")).isFalse();
		assertThat(i.matches("死亡信息-202611.csv.ok")).isFalse();
		assertThat(i.matches("~$死亡信息.xlsx")).isFalse();
		assertThat(i.matches(".死亡信息.csv")).isFalse();
		assertThat(Intake.markersOf("死亡.csv")).containsExactly("死亡.csv.ok", "死亡.ok", "死亡.csv.done", "死亡.done");
	}

	@Test
	void aBrokenFileStopsOnlyItself(@TempDir Path jobs) throws Exception {
		Files.createDirectories(jobs.resolve("intake"));
		Files.writeString(jobs.resolve("intake/good.yml"), "source: deaths\nfolder: f\ncron: \"0 * * * * ?\"\nuser: u\n");
		Files.writeString(jobs.resolve("intake/bad.yml"), "source: deaths\nfolder: f\ncron: nonsense\nuser: u\n");
		IntakeFiles files = new IntakeFiles(jobs.toString(), HOME);

		IntakeFiles.Loaded loaded = files.load();

		assertThat(loaded.intakes()).extracting(Intake::name).containsExactly("good");
		assertThat(loaded.broken()).containsOnlyKeys("bad");
		assertThat(loaded.broken().get("bad")).contains("bad.yml: cron \"nonsense\"");
		assertThatThrownBy(() -> files.require("bad")).isInstanceOf(IntakeException.class).hasMessageContaining("bad.yml: cron");
		assertThatThrownBy(() -> files.require("../etc/passwd")).hasMessageContaining("没有名为 ../etc/passwd 的接收任务");
		assertThat(new IntakeFiles(jobs.resolve("nowhere").toString(), HOME).load().intakes()).isEmpty();
	}

	@Test
	void theShippedIntakesAreValid() {
		IntakeFiles.Loaded loaded = new IntakeFiles("jobs", HOME).load();
		assertThat(loaded.broken()).isEmpty();
		assertThat(loaded.intakes()).extracting(Intake::name)
			.containsExactly("deaths-gongan", "disability-canlian", "poverty-xiangcun");
		assertThat(loaded.intakes()).extracting(Intake::source)
			.containsExactly(Source.DEATHS, Source.DISABILITY, Source.POVERTY);
		assertThat(loaded.intakes()).allSatisfy(i -> assertThat(i.enabled()).as("shipped disabled").isFalse());
	}
}
