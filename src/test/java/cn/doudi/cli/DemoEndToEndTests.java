package cn.doudi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.doudi.DoudiApplication;

/**
 * The zero-setup default, end to end: {@code demo} on the embedded PostgreSQL under {@code --home}
 * imports {@code sample-data/}, replays its months and writes their files; a second run writes the
 * same bytes; the files keep the output contract ({@code ../shared/tools/check-outputs.py}).
 */
class DemoEndToEndTests {

	@TempDir
	static Path tmp;

	static Path first;
	static Path second;

	@BeforeAll
	static void runTheDemoTwice() {
		first = tmp.resolve("first");
		second = tmp.resolve("second");
		assertThat(DoudiCli.run(DoudiApplication.class,
				new String[] { "demo", "--home=" + tmp.resolve("home"), "--out=" + first })).isZero();
		assertThat(DoudiCli.run(DoudiApplication.class,
				new String[] { "demo", "--home", tmp.resolve("home").toString(), "--out=" + second })).isZero();
	}

	@Test
	void writesEveryMonthsFiles() {
		for (String month : List.of("2026-10", "2026-11", "2026-12")) {
			for (String file : List.of("payments.csv", "stops.csv", "findings.csv", "overpayments.csv", "summary.csv",
					"summary.xlsx")) {
				assertThat(first.resolve(month).resolve(file)).isNotEmptyFile();
			}
		}
	}

	@Test
	void twoRunsWriteByteIdenticalFiles() throws IOException {
		List<Path> files = files(first);
		assertThat(files).hasSizeGreaterThanOrEqualTo(18);
		assertThat(files(second).stream().map(p -> second.relativize(p).toString()))
			.containsExactlyElementsOf(files.stream().map(p -> first.relativize(p).toString()).toList());
		for (Path f : files) {
			assertThat(Files.readAllBytes(second.resolve(first.relativize(f).toString())))
				.as(first.relativize(f).toString())
				.isEqualTo(Files.readAllBytes(f));
		}
	}

	@Test
	void keepsTheOutputContract() throws Exception {
		Path checker = Path.of("..", "shared", "tools", "check-outputs.py").toAbsolutePath().normalize();
		org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(checker), "shared/tools/check-outputs.py beside the repo");
		Process p = new ProcessBuilder("python3", checker.toString(), first.toString()).redirectErrorStream(true).start();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).as(output).isZero();
		assertThat(output).contains("output contract: kept");
	}

	@Test
	void theElderTurning80OnTheFifteenthIsHeldInNovemberAndPaidInDecember() throws IOException {
		// sample-data README: born 1946-11-15, ELDERLY; age(2026-11) = 79, age(2026-12) = 80 (RULES.md age(M))
		String id = "41012219461115100X";
		assertThat(line(first.resolve("2026-11/payments.csv"), "ELDERLY", id)).contains(",80-89,")
			.contains(",HELD,AGE_INELIGIBLE,");
		assertThat(line(first.resolve("2026-12/payments.csv"), "ELDERLY", id)).contains(",80-89,")
			.contains(",PAY,,");
	}

	@Test
	void aLateApprovalIsBackPaidAndALateDeathBecomesAnOverpayment() throws IOException {
		// sample-data README: a household approved late (start 2026-11, on the roster from December), and a
		// death in 2026-10 reported only in 2026-12 after November's ELDERLY 200.00 was paid
		assertThat(line(first.resolve("2026-12/payments.csv"), "DIBAO_RURAL", "41012219900603879X"))
			.contains(",2026-11,").endsWith(",true");
		assertThat(Files.readAllLines(first.resolve("2026-12/overpayments.csv")))
			.contains("410102,ELDERLY,41010219330817804X,张金花,2026-11,200.00,0.00,200.00");
		assertThat(Files.readString(first.resolve("2026-12/findings.csv"))).contains(",OVERPAID,INFO,41010219330817804X,");
	}

	private static String line(Path payments, String program, String id) throws IOException {
		return Files.readAllLines(payments).stream()
			.filter(l -> l.contains("," + program + ",") && l.contains("," + id + ","))
			.findFirst()
			.orElseThrow(() -> new AssertionError(program + " line of " + id + " in " + payments));
	}

	private static List<Path> files(Path root) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile).sorted().toList();
		}
	}
}
