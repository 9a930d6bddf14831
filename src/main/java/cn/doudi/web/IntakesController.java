package cn.doudi.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.doudi.intake.Intake;
import cn.doudi.intake.Intakes;
import cn.doudi.intake.ReceivedFile;
import cn.doudi.security.AccessControl;
import cn.doudi.security.Permission;

/**
 * 自动接收: the agencies' feeds of {@code jobs/intake/} ({@link Intakes}) — each feed's source in Chinese, where
 * its files come from (a folder, or the SFTP server as {@code user@host:port/folder}: the password and key stay in
 * the environment and are never shown), its schedule, last poll and next firings (Beijing time), and the files it
 * took in, done and rejected, with their error reports. The feeds bring every county's data, so the page is for
 * city-wide users (READ on the whole city); an error report holds the rejected rows whole, so it is downloaded
 * (audited) only by a city-wide user who may import rosters (OPERATOR, ADMIN), and only from a feed of a local
 * folder — an SFTP feed's reports lie beside its files on the agency's server.
 */
@Controller
class IntakesController {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
	static final int FILES = 50;
	static final Map<String, String> FILE_STATUSES = Map.of("COMMITTED", "已导入", "DUPLICATE", "重复（内容与此前相同，未更改）",
			"REJECTED", "已拒收", "FAILED", "导入失败（留待下次轮询）", "CLAIMED", "导入中");

	private final Intakes intakes;
	private final AccessControl access;
	private final Downloads downloads;
	private final Clock clock;

	IntakesController(Intakes intakes, AccessControl access, Downloads downloads, Clock clock) {
		this.intakes = intakes;
		this.access = access;
		this.downloads = downloads;
		this.clock = clock;
	}

	/** One feed as the page shows it. */
	record Feed(String name, String description, String source, String sourceCode, String where, String schedule,
			boolean enabled, String completion, String rejectedRows, String user, List<String> problems, String lastPoll,
			String lastResult, List<String> next, List<File> files) {
	}

	/** One file a feed took in. */
	record File(long id, String name, long size, String status, String statusName, String rows, String archivedAs,
			boolean report, String reportName, String message, String at) {
	}

	@GetMapping("/intakes")
	String list(Principal principal, Model model) {
		access.require(principal.getName(), Permission.READ, null);
		Intakes.Listing listing = intakes.list(ZonedDateTime.now(clock.withZone(BEIJING)), 3);
		List<Feed> feeds = listing.intakes().stream().map(this::feed).toList();
		model.addAttribute("feeds", feeds);
		model.addAttribute("broken", listing.broken());
		return "intakes";
	}

	@GetMapping("/intakes/{feed}/reports/{id}")
	ResponseEntity<FileSystemResource> report(Principal principal, @PathVariable String feed, @PathVariable long id) {
		access.require(principal.getName(), Permission.IMPORT_ROSTERS, null);
		Path report = intakes.localReport(feed, id)
			.orElseThrow(() -> new WebErrors.NotFound("没有这个错误报告（或它在机构的 SFTP 服务器上，与文件放在一起）"));
		String name = report.getFileName().toString();
		downloads.record(principal.getName(), null, "自动接收错误报告", feed + "/" + name);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(new FileSystemResource(report));
	}

	private Feed feed(Intakes.Listed l) {
		Intake i = l.intake();
		String where = i.location() instanceof Intake.Sftp s
				? "SFTP " + s.user() + "@" + s.host() + ":" + s.port() + s.folder() + "（密码、密钥取自环境，不显示）"
				: "本机交换目录 " + ((Intake.Folder) i.location()).path();
		boolean local = i.location() instanceof Intake.Folder;
		List<File> files = intakes.received(i.name(), FILES).stream().map(f -> file(f, local)).toList();
		return new Feed(i.name(), i.description(), i.source().title(), i.source().code(), where,
				i.cron() + "（" + (i.timeZone().getId().equals("Asia/Shanghai") ? "北京时间" : i.timeZone().getId()) + "）",
				i.enabled(), i.complete() == Intake.Completion.MARKER ? "标记文件 .ok / .done" : "两次轮询间大小不变",
				i.acceptValidRows() ? "导入有效行" : "有错误行则整个文件不导入", i.user(), l.problems(), time(l.lastPollAt()),
				l.lastPollResult(), l.next().stream().map(IntakesController::time).toList(), files);
	}

	private static File file(ReceivedFile f, boolean local) {
		String rows = f.rowsAccepted() == null ? "" : "接受 " + f.rowsAccepted() + " 行，拒绝 " + f.rowsRejected() + " 行";
		String reportName = f.report() == null ? null : Path.of(f.report()).getFileName().toString();
		return new File(f.id(), f.fileName(), f.size(), f.status(), FILE_STATUSES.getOrDefault(f.status(), f.status()), rows,
				f.archivedAs(), local && f.report() != null, reportName, f.message(),
				time(f.finishedAt() != null ? f.finishedAt() : f.claimedAt()));
	}

	private static String time(TemporalAccessor t) {
		if (t == null) {
			return null;
		}
		return t instanceof java.time.Instant i ? TIME.format(i.atZone(BEIJING)) : TIME.format(((ZonedDateTime) t).withZoneSameInstant(BEIJING));
	}
}
