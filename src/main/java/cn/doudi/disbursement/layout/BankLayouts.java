package cn.doudi.disbursement.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.doudi.kernel.Bank;

/**
 * Finds the bank layouts: {@code <doudi.jobs-dir>/banks/} when that property is set; else {@code ./jobs/banks/}
 * when it exists; else the copies bundled in the jar ({@code classpath:jobs/banks/}). {@code default.yml} is
 * required; {@code <BANK>.yml} (a bank code of {@link Bank}) gives that bank its own layout. Layouts are read
 * afresh on every use, and all of them at once, so a broken file is named before any file is written.
 */
@Component
public class BankLayouts {

	static final String DEFAULT = "default.yml";

	private final String jobsDir;

	public BankLayouts(@Value("${doudi.jobs-dir:}") String jobsDir) {
		this.jobsDir = jobsDir == null ? "" : jobsDir.strip();
	}

	public LayoutSet load() {
		if (!jobsDir.isEmpty()) {
			Path banks = Path.of(jobsDir).resolve("banks");
			if (!Files.isDirectory(banks)) {
				throw new LayoutException("doudi.jobs-dir=" + jobsDir + "：找不到银行格式目录 " + banks);
			}
			return fromDirectory(banks);
		}
		Path local = Path.of("jobs", "banks");
		if (Files.isRegularFile(local.resolve(DEFAULT))) {
			return fromDirectory(local);
		}
		return fromClasspath();
	}

	static LayoutSet fromDirectory(Path dir) {
		Map<String, BankLayout> banks = new TreeMap<>();
		BankLayout fallback = null;
		List<Path> files;
		try (Stream<Path> s = Files.list(dir)) {
			files = s.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		for (Path f : files) {
			String file = f.getFileName().toString();
			String code = file.substring(0, file.length() - ".yml".length());
			BankLayout layout = LayoutParser.parse(f.toString(), read(f));
			if (file.equals(DEFAULT)) {
				fallback = layout;
			}
			else if (isBank(code)) {
				banks.put(code, layout);
			}
			else {
				throw new LayoutException("银行格式文件 " + f + " 有误：文件名 " + code + " 不是银行代码（"
						+ String.join(", ", Stream.of(Bank.values()).map(Bank::name).toList()) + "）或 default");
			}
		}
		if (fallback == null) {
			throw new LayoutException("银行格式目录 " + dir + " 缺少 " + DEFAULT);
		}
		return new LayoutSet(dir.toString(), fallback, Map.copyOf(banks));
	}

	static LayoutSet fromClasspath() {
		ClassLoader cl = BankLayouts.class.getClassLoader();
		String defaultText = resource(cl, "jobs/banks/" + DEFAULT);
		if (defaultText == null) {
			throw new LayoutException("找不到银行格式：既没有 ./jobs/banks/" + DEFAULT + "，jar 中也没有（可用 doudi.jobs-dir 指定）");
		}
		BankLayout fallback = LayoutParser.parse("classpath:jobs/banks/" + DEFAULT, defaultText);
		Map<String, BankLayout> banks = new TreeMap<>();
		for (Bank b : Bank.values()) {
			String text = resource(cl, "jobs/banks/" + b.name() + ".yml");
			if (text != null) {
				banks.put(b.name(), LayoutParser.parse("classpath:jobs/banks/" + b.name() + ".yml", text));
			}
		}
		return new LayoutSet("classpath:jobs/banks", fallback, Map.copyOf(banks));
	}

	private static boolean isBank(String code) {
		return Stream.of(Bank.values()).anyMatch(b -> b.name().equals(code));
	}

	private static String read(Path f) {
		try {
			return Files.readString(f, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new LayoutException("银行格式文件 " + f + " 读不出（须为 UTF-8）：" + e.getMessage(), e);
		}
	}

	private static String resource(ClassLoader cl, String name) {
		try (InputStream in = cl.getResourceAsStream(name)) {
			return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
