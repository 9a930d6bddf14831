package cn.doudi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each table has one owning module (the developers' brief): every SQL statement in the main sources that
 * writes a table of the schema — {@code insert into}, {@code update … set}, {@code delete from},
 * {@code truncate}, {@code copy … from} — is in the module that owns it. Other modules go through the owner's
 * API or a port it implements, which {@code ApplicationModules.verify()} sees. The migrations give the
 * tables (Spring Batch's and Quartz's are the frameworks' own); the sources are read as text, SQL being
 * strings.
 */
class TableOwnershipTests {

	static final Path MAIN = Path.of("src/main/java/cn/doudi");
	static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	static final Pattern CREATE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
	static final List<Pattern> WRITES = List.of(
			Pattern.compile("(?i)\\binsert\\s+into\\s+([a-z_][a-z0-9_]*)"),
			Pattern.compile("(?i)\\bupdate\\s+([a-z_][a-z0-9_]*)(?:\\s+[a-z_][a-z0-9_]*)?\\s+set\\b"),
			Pattern.compile("(?i)\\bdelete\\s+from\\s+([a-z_][a-z0-9_]*)"),
			Pattern.compile("(?i)\\btruncate\\s+(?:table\\s+)?([a-z_][a-z0-9_]*)"),
			Pattern.compile("(?i)\\bcopy\\s+([a-z_][a-z0-9_]*)\\s*(?:\\([^)]*\\))?\\s+from\\b"));

	/** The schema's tables, from the migrations (Batch's and Quartz's excluded). */
	static Set<String> tables() throws IOException {
		Set<String> tables = new TreeSet<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
				Matcher m = CREATE.matcher(Files.readString(f, StandardCharsets.UTF_8));
				while (m.find()) {
					String t = m.group(1).toLowerCase(Locale.ROOT);
					if (!t.startsWith("batch_") && !t.startsWith("qrtz_")) {
						tables.add(t);
					}
				}
			}
		}
		return tables;
	}

	/** Per table, the modules whose sources write it, with the files. */
	static Map<String, Map<String, Set<String>>> writers() throws IOException {
		Set<String> tables = tables();
		Map<String, Map<String, Set<String>>> writers = new TreeMap<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				Path relative = MAIN.relativize(f);
				String module = relative.getNameCount() > 1 ? relative.getName(0).toString() : "(application)";
				String source = Files.readString(f, StandardCharsets.UTF_8);
				for (Pattern p : WRITES) {
					Matcher m = p.matcher(source);
					while (m.find()) {
						String table = m.group(1).toLowerCase(Locale.ROOT);
						if (tables.contains(table)) {
							writers.computeIfAbsent(table, k -> new TreeMap<>())
								.computeIfAbsent(module, k -> new TreeSet<>())
								.add(relative.toString());
						}
					}
				}
			}
		}
		return writers;
	}

	@Test
	void eachTableIsWrittenByOneModule() throws IOException {
		List<String> shared = new ArrayList<>();
		writers().forEach((table, modules) -> {
			if (modules.size() > 1) {
				shared.add(table + " ← " + modules);
			}
		});
		assertThat(shared).as("tables written by more than one module").isEmpty();
	}

	@Test
	void theOwnersAreTheOnesTheModulesDeclare() throws IOException {
		Map<String, Map<String, Set<String>>> writers = writers();
		Map<String, String> owners = new TreeMap<>();
		writers.forEach((table, modules) -> owners.put(table, modules.keySet().iterator().next()));
		assertThat(owners).containsAllEntriesOf(Map.ofEntries(Map.entry("payment_line", "payroll"),
				Map.entry("payroll_run", "payroll"), Map.entry("enrollment_end", "payroll"),
				Map.entry("stop_record", "payroll"), Map.entry("overpayment", "payroll"), Map.entry("finding", "matching"),
				Map.entry("run_finding", "matching"), Map.entry("check_run", "matching"),
				Map.entry("finding_decision", "review"), Map.entry("import_batch", "ingest"),
				Map.entry("bank_return_line", "disbursement"), Map.entry("bank_file", "disbursement"),
				Map.entry("app_user", "security"), Map.entry("audit_event", "security")));
	}

	@Test
	void theScanSeesAWriteInAnotherModule() {
		// the scan itself can fail: a write it must recognise
		Matcher m = WRITES.get(1).matcher("jdbc.update(\"update payment_line set bank_status = ? where id = ?\")");
		assertThat(m.find()).isTrue();
		assertThat(m.group(1)).isEqualTo("payment_line");
		assertThat(WRITES.get(4).matcher("copy import_rejection (import_id, file_name) from stdin").find()).isTrue();
	}
}
