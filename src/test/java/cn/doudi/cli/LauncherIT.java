package cn.doudi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code bin/doudi} on the packaged jar ({@code target/doudi.jar}: Failsafe runs this after {@code
 * package}, in {@code ./mvnw verify}), copied to a folder of its own so that its extracted classes and class-data
 * archive are this test's: the first command extracts the jar, makes the archive with a training run and answers
 * ({@code status} on an embedded database under a fresh {@code --home}); the next starts with the archive, silently.
 * {@link LauncherTests} covers the launcher's decisions one by one with a stand-in for java.
 */
class LauncherIT {

	@TempDir
	Path tmp;

	record Run(int exit, String out, String err) {
	}

	Run doudi(Path jar, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("sh", Path.of("bin", "doudi").toAbsolutePath().toString()));
		command.addAll(List.of(args));
		ProcessBuilder pb = new ProcessBuilder(command);
		pb.environment().keySet().removeIf(k -> k.startsWith("DOUDI_") || k.equals("JAVA_OPTS"));
		pb.environment().put("DOUDI_JAR", jar.toString());
		Path out = tmp.resolve("out.txt");
		Path err = tmp.resolve("err.txt");
		Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		if (!p.waitFor(600, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError("bin/doudi " + String.join(" ", args) + " did not end in 10 minutes");
		}
		return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
	}

	@Test
	void thePackagedJarStartsThroughTheLauncherWithItsArchive() throws Exception {
		Path built = Path.of("target", "doudi.jar");
		assertThat(built).as("the packaged jar (run ./mvnw verify: this test comes after package)").isRegularFile();
		Path jar = tmp.resolve("app").resolve("doudi.jar");
		Files.createDirectories(jar.getParent());
		Files.copy(built, jar);

		// when the first command runs
		Run first = doudi(jar, "--home=" + tmp.resolve("home"), "status");

		// then it extracted the jar, made the archive once (saying so) and answered
		assertThat(first.exit()).as(first.err()).isZero();
		assertThat(first.err()).contains("doudi: 首次运行：正在生成类数据共享存档").doesNotContain("未能生成类数据共享存档");
		assertThat(first.out()).containsPattern("PostgreSQL \\d+(\\.\\d+)*.*；已导入 0 次，发放批次 0 个");
		Path cache = tmp.resolve("app").resolve("doudi-cds");
		assertThat(cache.resolve("doudi.jar")).isRegularFile();
		assertThat(cache.resolve("doudi.jsa")).isNotEmptyFile();

		// and the next starts with that archive, without a word about it
		Run second = doudi(jar, "--help");
		assertThat(second.exit()).as(second.err()).isZero();
		assertThat(second.err()).doesNotContain("首次运行");
		assertThat(second.out()).contains("month-end", "release", "approve");
	}
}
