package cn.doudi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code bin/doudi} run as it is, with a stand-in for {@code java} ({@code JAVA}): a script that writes
 * each call's arguments to a log and does what the launcher counts on — the extraction makes the extracted jar,
 * a training run makes the archive. So what the launcher decides is seen without a packaged jar (the test phase
 * comes before {@code package}; {@code LauncherIT} runs it on the real jar after): it refuses a missing jar, extracts
 * once and again when the jar is newer, makes the class-data archive once and then starts with it, not with {@code
 * DOUDI_CDS=off} or when the training run fails, and stops the JIT at its first tier for the short commands only.
 */
class LauncherTests {

	static final Path LAUNCHER = Path.of("bin", "doudi").toAbsolutePath();

	/** The stand-in java: logs its arguments one call a line; extracts, trains (fails with FAIL_TRAINING) and runs. */
	static final String FAKE_JAVA = """
			#!/bin/sh
			echo "$*" >> "$JAVA_LOG"
			case "$1" in
				-Djarmode=tools) mkdir -p "$6" && touch "$6/$(basename "$3")"; echo extracted ;;
				-XX:ArchiveClassesAtExit=*)
					[ -n "$FAIL_TRAINING" ] && exit 1
					touch "${1#-XX:ArchiveClassesAtExit=}"; echo trained ;;
				*) echo "ran $*" ;;
			esac
			""";

	@TempDir
	Path tmp;

	Path jar;
	Path cache;
	Path log;
	final Map<String, String> env = new HashMap<>();

	record Run(int exit, String out, String err, List<String> javaCalls) {
	}

	@BeforeEach
	void setUp() throws IOException {
		Path java = tmp.resolve("java");
		Files.writeString(java, FAKE_JAVA);
		Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
		jar = tmp.resolve("app").resolve("doudi.jar");
		Files.createDirectories(jar.getParent());
		Files.writeString(jar, "not really a jar");
		cache = tmp.resolve("app").resolve("doudi-cds");
		log = tmp.resolve("java.log");
		env.put("JAVA", java.toString());
		env.put("JAVA_LOG", log.toString());
		env.put("DOUDI_JAR", jar.toString());
	}

	Run doudi(String... args) throws Exception {
		Files.deleteIfExists(log);
		List<String> command = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
		command.addAll(List.of(args));
		ProcessBuilder pb = new ProcessBuilder(command);
		pb.environment().keySet().removeIf(k -> k.startsWith("DOUDI_") || k.equals("JAVA_OPTS") || k.equals("JAVA"));
		pb.environment().putAll(env);
		Path out = tmp.resolve("out.txt");
		Path err = tmp.resolve("err.txt");
		Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		List<String> calls = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
		return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
				calls);
	}

	String app() {
		return cache.resolve("doudi.jar").toString();
	}

	String archive() {
		return cache.resolve("doudi.jsa").toString();
	}

	@Test
	void aMissingJarIsRefusedInChineseWithExit5() throws Exception {
		env.put("DOUDI_JAR", tmp.resolve("nowhere").resolve("doudi.jar").toString());

		Run r = doudi("status");

		assertThat(r.exit()).isEqualTo(5);
		assertThat(r.err()).isEqualTo("doudi: 找不到 " + tmp.resolve("nowhere").resolve("doudi.jar")
				+ "（先运行 ./mvnw -B -ntp package -DskipTests）\n");
		assertThat(r.javaCalls()).isEmpty();
	}

	@Test
	void theFirstRunExtractsAndTrainsOnceThenEveryRunStartsWithTheArchive() throws Exception {
		// given a jar never run

		// when a short command runs first
		Run first = doudi("status");

		// then the jar is extracted, the archive made by a training run on a throwaway home, the command run with it
		assertThat(first.exit()).isZero();
		assertThat(first.err()).contains("doudi: 首次运行：正在生成类数据共享存档（只此一次，约一次启动的时间）……");
		assertThat(first.javaCalls()).hasSize(3);
		assertThat(first.javaCalls().get(0)).isEqualTo("-Djarmode=tools -jar " + jar + " extract --destination " + cache);
		assertThat(first.javaCalls().get(1)).startsWith("-XX:ArchiveClassesAtExit=" + archive() + ".tmp -Xlog:cds=off "
				+ "-Xlog:cds+dynamic=off -jar " + app() + " --home=").endsWith(" status");
		assertThat(first.javaCalls().get(2)).isEqualTo("-XX:SharedArchiveFile=" + archive()
				+ " -Xlog:cds=off -Xlog:cds+dynamic=off -XX:TieredStopAtLevel=1 -jar " + app() + " status");
		assertThat(first.out()).isEqualTo("ran " + first.javaCalls().get(2) + "\n");
		assertThat(Path.of(archive())).exists();
		assertThat(Path.of(archive() + ".tmp")).doesNotExist();

		// and a later long command neither extracts nor trains, and keeps the optimising JIT
		Run later = doudi("month-end", "--month=2026-10", "--out=/tmp/x");
		assertThat(later.err()).isEmpty();
		assertThat(later.javaCalls()).containsExactly("-XX:SharedArchiveFile=" + archive()
				+ " -Xlog:cds=off -Xlog:cds+dynamic=off -jar " + app() + " month-end --month=2026-10 --out=/tmp/x");
	}

	@Test
	void aNewerJarIsExtractedAndTrainedAgain() throws Exception {
		doudi("status");
		Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));

		Run r = doudi("status");

		assertThat(r.javaCalls()).hasSize(3);
		assertThat(r.javaCalls().get(0)).startsWith("-Djarmode=tools -jar " + jar + " extract");
		assertThat(r.javaCalls().get(1)).startsWith("-XX:ArchiveClassesAtExit=");
	}

	@Test
	void withoutTheArchiveWhenTurnedOffOrWhenTheTrainingFails() throws Exception {
		env.put("DOUDI_CDS", "off");
		env.put("JAVA_OPTS", "-Xmx1g");
		Run off = doudi("import", "--source=deaths", "x.csv");
		assertThat(off.javaCalls()).containsExactly("-Djarmode=tools -jar " + jar + " extract --destination " + cache,
				"-Xmx1g -jar " + app() + " import --source=deaths x.csv");
		assertThat(off.err()).isEmpty();

		env.remove("DOUDI_CDS");
		env.put("FAIL_TRAINING", "1");
		Run failed = doudi("findings", "list");
		assertThat(failed.exit()).isZero();
		assertThat(failed.err()).contains("doudi: 未能生成类数据共享存档，照常启动");
		assertThat(failed.javaCalls()).last().isEqualTo("-XX:TieredStopAtLevel=1 -Xmx1g -jar " + app() + " findings list");
		assertThat(Path.of(archive())).doesNotExist();
		assertThat(Path.of(archive() + ".tmp")).doesNotExist();
	}

	@Test
	void theFirstJitTierForShortCommandsOnlyWhateverOptionsComeFirst() throws Exception {
		env.put("DOUDI_CDS", "off");
		Map<List<String>, Boolean> shortOnes = new java.util.LinkedHashMap<>();
		shortOnes.put(List.of(), true);
		shortOnes.put(List.of("--help"), true);
		shortOnes.put(List.of("import", "-h"), true);
		shortOnes.put(List.of("--home", "/srv/doudi", "release", "--month=2026-10"), true);
		shortOnes.put(List.of("--home=/srv/doudi", "approve"), true);
		shortOnes.put(List.of("--db-url", "jdbc:postgresql://db/doudi", "users", "list"), true);
		shortOnes.put(List.of("schedules", "list"), true);
		shortOnes.put(List.of("intake", "list"), true);
		shortOnes.put(List.of("schedules", "run", "monthly"), false);
		shortOnes.put(List.of("intake", "poll"), false);
		shortOnes.put(List.of("--home", "/srv/doudi", "month-end", "--month=2026-10"), false);
		shortOnes.put(List.of("serve"), false);
		shortOnes.put(List.of("demo"), false);
		for (var e : shortOnes.entrySet()) {
			Run r = doudi(e.getKey().toArray(String[]::new));
			assertThat(r.javaCalls().get(r.javaCalls().size() - 1).contains("-XX:TieredStopAtLevel=1")).as(String.join(" ", e.getKey()))
				.isEqualTo(e.getValue());
		}
	}
}
