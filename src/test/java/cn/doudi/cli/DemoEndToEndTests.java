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
		// one application per process, as on the command line: a context of another test class still open in
		// this JVM has set up the logging system, which a new application would then leave as it is
		org.springframework.boot.logging.LoggingSystem.get(DemoEndToEndTests.class.getClassLoader()).cleanUp();
		first = tmp.resolve("first");
		second = tmp.resolve("second");
		assertThat(DoudiCli.run(DoudiApplication.class,
				new String[] { "demo", "--home=" + tmp.resolve("home"), "--out=" + first })).isZero();
		// the second run logs JSON (ECS) into the same rolling file: both formats are scanned below
		assertThat(DoudiCli.run(DoudiApplication.class,
				new String[] { "demo", "--home", tmp.resolve("home").toString(), "--out=" + second, "--log-format=ecs" }))
			.isZero();
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

	/**
	 * The demo's whole log ({@code <home>/logs/doudi.log}, README "Watching it run"): the lines of a job carry
	 * the county, month, run and import (MDC), and no line holds a whole ID or bank account number of the
	 * sample data — every one of them read from the sample files.
	 */
	@Test
	void theLogFileCarriesTheJobsMdcAndNoWholeIdOrAccountNumber() throws IOException {
		Path logs = tmp.resolve("home").resolve("logs");
		List<String> lines = new java.util.ArrayList<>();
		try (Stream<Path> files = Files.list(logs)) {
			for (Path f : files.sorted().toList()) {
				try (java.io.InputStream in = f.toString().endsWith(".gz")
						? new java.util.zip.GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f)) {
					lines.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
				}
			}
		}
		assertThat(lines).hasSizeGreaterThan(20);
		assertThat(lines).anyMatch(l -> l.contains("county=410102") && l.contains("month=2026-10") && l.contains("runId=")
				&& l.contains("ComputeLinesTasklet"));
		assertThat(lines).anyMatch(l -> l.contains("importId=") && l.contains("source=beneficiaries"));
		// the second run's lines: one ECS JSON object each, the MDC as fields
		assertThat(lines).anyMatch(l -> l.startsWith("{") && l.contains("\"ecs\":{\"version\"")
				&& l.contains("\"county\":\"410102\"") && l.contains("\"runId\":\"") && l.contains("ComputeLinesTasklet"));

		java.util.Set<String> whole = sampleNumbers(Path.of("sample-data"));
		assertThat(whole).as("IDs and account numbers of the sample data").hasSizeGreaterThan(500);
		java.util.regex.Pattern run = java.util.regex.Pattern.compile("[0-9]{15,}[Xx]?");
		for (String line : lines) {
			java.util.regex.Matcher m = run.matcher(line);
			while (m.find()) {
				String digits = m.group();
				assertThat(whole.stream().filter(digits::contains)).as("log line: %s", line).isEmpty();
			}
		}
	}

	/** Every run of 15 or more digits (an ID, an account number) in the sample files, CSV and XLSX. */
	static java.util.Set<String> sampleNumbers(Path folder) throws IOException {
		java.util.Set<String> numbers = new java.util.HashSet<>();
		java.util.regex.Pattern number = java.util.regex.Pattern.compile("[0-9]{15,}[Xx]?");
		org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path f : files.filter(Files::isRegularFile).toList()) {
				StringBuilder text = new StringBuilder();
				if (f.toString().endsWith(".xlsx")) {
					try (java.io.InputStream in = Files.newInputStream(f);
							org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
						for (org.apache.poi.ss.usermodel.Sheet sheet : wb) {
							for (org.apache.poi.ss.usermodel.Row row : sheet) {
								for (org.apache.poi.ss.usermodel.Cell cell : row) {
									text.append(format.formatCellValue(cell)).append('\n');
								}
							}
						}
					}
					catch (RuntimeException | IOException e) {
						continue; // the planted corrupt files of sample-data/bad
					}
				}
				else if (f.toString().endsWith(".csv") || f.toString().endsWith(".txt")) {
					text.append(new String(Files.readAllBytes(f), java.nio.charset.Charset.forName("GB18030")));
				}
				java.util.regex.Matcher m = number.matcher(text);
				while (m.find()) {
					numbers.add(m.group().toUpperCase());
				}
			}
		}
		return numbers;
	}
}
