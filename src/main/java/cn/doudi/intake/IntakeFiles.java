package cn.doudi.intake;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.doudi.ingest.Source;
import cn.doudi.scheduling.JobFile;

/**
 * Reads {@code <doudi.jobs-dir>/intake/*.yml} (when the property is empty: {@code ./jobs/intake/}; no
 * folder: no intakes), in the style of the schedule files: an unknown key, a bad source, folder, cron
 * expression, time zone or pattern is an error naming the file and the key. Unlike the schedules, each
 * file stands alone: a broken file stops only its own feed (it is reported, and its firings do nothing
 * until it is mended), the others are used. A relative local folder is under {@code doudi.home}.
 */
@Component
class IntakeFiles {

	static final List<String> DEFAULT_FILES = List.of("*.csv", "*.xlsx");
	private static final Set<String> KEYS = Set.of("description", "source", "folder", "sftp", "archive", "files",
			"complete", "rejected-rows", "encoding", "cron", "time-zone", "user", "enabled");
	private static final Set<String> SFTP_KEYS = Set.of("host", "port", "user", "folder", "password-env", "private-key",
			"host-key");
	/** The policy tables are the city's own (ADMIN imports them by hand): no agency delivers them. */
	private static final Set<Source> NOT_FED = Set.of(Source.STANDARDS, Source.REGIONS);

	/** What the folder holds: the usable intakes, and the broken files by name, each with its problems (one per line). */
	record Loaded(List<Intake> intakes, Map<String, String> broken) {
	}

	private final String jobsDir;
	private final Path home;

	IntakeFiles(@Value("${doudi.jobs-dir:}") String jobsDir, @Value("${doudi.home}") Path home) {
		this.jobsDir = jobsDir == null ? "" : jobsDir.strip();
		this.home = home;
	}

	Path folder() {
		return JobFile.folder(jobsDir, "intake");
	}

	Loaded load() {
		List<Path> files = JobFile.files(folder());
		List<Intake> out = new ArrayList<>();
		Map<String, String> broken = new java.util.LinkedHashMap<>();
		for (Path f : files) {
			String name = JobFile.name(f);
			try {
				out.add(parse(f, Files.readString(f, StandardCharsets.UTF_8), home));
			}
			catch (IntakeException e) {
				broken.put(name, e.getMessage());
			}
			catch (IOException e) {
				broken.put(name, f + ": 无法读取（" + e.getMessage() + "）");
			}
		}
		return new Loaded(List.copyOf(out), java.util.Collections.unmodifiableMap(broken));
	}

	/** The intake named {@code name}; throws {@link IntakeException} when there is none or its file is broken. */
	Intake require(String name) {
		Path f = folder().resolve(name + ".yml");
		if (!name.matches("[\\p{L}\\p{N}._-]+") || !Files.isRegularFile(f)) {
			throw new IntakeException("没有名为 " + name + " 的接收任务（" + folder() + "）");
		}
		try {
			return parse(f, Files.readString(f, StandardCharsets.UTF_8), home);
		}
		catch (IOException e) {
			throw new IntakeException(f + ": 无法读取（" + e.getMessage() + "）");
		}
	}

	static Intake parse(Path file, String yaml, Path home) {
		String name = JobFile.name(file);
		JobFile read = JobFile.read(file, yaml, KEYS, "source、folder 或 sftp、files、cron、user …", IntakeException::new);
		Map<?, ?> map = read.map();
		List<String> problems = read.problems();
		String sourceText = text(map, "source", null);
		Source source = null;
		if (sourceText == null) {
			read.problem("缺少 source（deaths、disability、poverty、marriages、economic、beneficiaries、temp-assist、cpi）");
		}
		else {
			source = Source.parse(sourceText).orElse(null);
			if (source == null) {
				read.problem("source " + sourceText + " 无法识别（deaths、disability、poverty、marriages、economic、"
						+ "beneficiaries、temp-assist、cpi）");
			}
			else if (NOT_FED.contains(source)) {
				read.problem("source " + sourceText + " 不能自动接收（" + source.title() + "由市局管理员导入）");
				source = null;
			}
		}
		Intake.Location location = location(file, map, home, problems);
		List<String> patterns = new ArrayList<>();
		Object f = map.get("files");
		if (f == null) {
			patterns.addAll(DEFAULT_FILES);
		}
		else {
			for (Object v : f instanceof List<?> l ? l : List.of(f)) {
				String glob = String.valueOf(v).strip();
				try {
					if (glob.isEmpty() || glob.contains("/")) {
						throw new IllegalArgumentException();
					}
					Intake.matcher(glob);
					patterns.add(glob);
				}
				catch (RuntimeException e) {
					read.problem("files 中的 \"" + glob + "\" 不是有效的文件名模式（如 死亡*.csv，不含目录）");
				}
			}
			if (patterns.isEmpty() && problems.stream().noneMatch(p -> p.contains(": files "))) {
				read.problem("files 为空（文件名模式，如 [\"*.csv\", \"*.xlsx\"]）");
			}
		}
		Intake.Completion complete = Intake.Completion.STABLE;
		String c = text(map, "complete", "stable");
		switch (c) {
			case "marker" -> complete = Intake.Completion.MARKER;
			case "stable" -> complete = Intake.Completion.STABLE;
			default -> read.problem("complete 应为 marker（旁边有 .ok 或 .done 标记文件）或 stable（两次轮询大小不变），而不是 " + c);
		}
		boolean acceptValidRows = false;
		String r = text(map, "rejected-rows", "refuse-file");
		switch (r) {
			case "refuse-file" -> acceptValidRows = false;
			case "accept-valid-rows" -> acceptValidRows = true;
			default -> read.problem("rejected-rows 应为 refuse-file（有错误行则整个文件不导入）或 accept-valid-rows（导入有效行），而不是 " + r);
		}
		Charset encoding = null;
		String e = text(map, "encoding", null);
		if (e != null) {
			try {
				encoding = Charset.forName(e);
			}
			catch (RuntimeException ex) {
				read.problem("encoding " + e + " 无法识别（如 GBK、GB18030、UTF-8；不写则自动识别）");
			}
		}
		String cron = read.cron("\"0 */10 * * * ?\" 为每10分钟");
		ZoneId zone = read.zone();
		String user = read.user("以哪个系统用户的身份导入，如 intake-gongan；须有导入名册的权限");
		boolean enabled = read.enabled();
		read.refuseIfProblems(IntakeException::new);
		return new Intake(name, text(map, "description", ""), source, location, List.copyOf(patterns), cron, zone,
				complete, acceptValidRows, encoding, user, enabled, file);
	}

	private static Intake.Location location(Path file, Map<?, ?> map, Path home, List<String> problems) {
		Object folder = map.get("folder");
		Object sftp = map.get("sftp");
		String archive = text(map, "archive", null);
		if ((folder == null) == (sftp == null)) {
			problems.add(file + ": 应有 folder（本机目录，如前置机的交换目录）或 sftp（SFTP 服务器），且只能有其一");
			return null;
		}
		if (folder != null) {
			String text = String.valueOf(folder).strip();
			if (text.isEmpty()) {
				problems.add(file + ": folder 为空");
				return null;
			}
			Path path = home.resolve(text).normalize();
			return new Intake.Folder(path, archive == null ? path : home.resolve(archive).normalize());
		}
		if (!(sftp instanceof Map<?, ?> s)) {
			problems.add(file + ": sftp 应为键值表（host、port、user、folder、password-env 或 private-key、host-key）");
			return null;
		}
		int before = problems.size();
		for (Object k : s.keySet()) {
			if (!SFTP_KEYS.contains(String.valueOf(k))) {
				problems.add(file + ": sftp 下未知的键 " + k + "（可用：" + String.join("、", SFTP_KEYS.stream().sorted().toList())
						+ "；密码不写在文件里，用 password-env 指明环境变量）");
			}
		}
		String host = text(s, "host", null);
		if (host == null || host.isBlank()) {
			problems.add(file + ": 缺少 sftp.host");
		}
		int port = 22;
		Object p = s.get("port");
		if (p != null) {
			if (p instanceof Integer i && i > 0 && i < 65536) {
				port = i;
			}
			else {
				problems.add(file + ": sftp.port 应为 1–65535 的整数，而不是 " + p);
			}
		}
		String user = text(s, "user", null);
		if (user == null || user.isBlank()) {
			problems.add(file + ": 缺少 sftp.user");
		}
		String remote = text(s, "folder", null);
		if (remote == null || !remote.startsWith("/")) {
			problems.add(file + ": sftp.folder 应为服务器上的绝对路径（如 /outbox/disability）");
		}
		if (archive != null && !archive.startsWith("/")) {
			problems.add(file + ": archive 对 SFTP 应为服务器上的绝对路径");
		}
		String passwordEnv = text(s, "password-env", null);
		if (passwordEnv != null && !passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
			problems.add(file + ": sftp.password-env 应为环境变量名（如 DOUDI_SFTP_CANLIAN_PASSWORD），不是密码本身");
		}
		String key = text(s, "private-key", null);
		if (passwordEnv == null && key == null) {
			problems.add(file + ": sftp 需要 password-env（存放密码的环境变量名）或 private-key（私钥文件路径）");
		}
		String hostKey = text(s, "host-key", null);
		if (hostKey == null || !hostKey.matches("(SHA256|SHA512|MD5):\\S+")) {
			problems.add(file + ": 缺少或无法识别 sftp.host-key（服务器主机公钥指纹，如 SHA256:…，可用 ssh-keyscan 主机 | ssh-keygen -lf - 获得）");
		}
		if (problems.size() > before) {
			return null;
		}
		return new Intake.Sftp(host, port, user, remote, archive == null ? remote : archive, passwordEnv,
				key == null ? null : home.resolve(key).normalize(), hostKey);
	}

	private static String text(Map<?, ?> map, String key, String otherwise) {
		return JobFile.text(map, key, otherwise);
	}
}
