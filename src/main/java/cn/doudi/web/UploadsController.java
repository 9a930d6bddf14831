package cn.doudi.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

import cn.doudi.ingest.ImportOptions;
import cn.doudi.ingest.ImportOutcome;
import cn.doudi.ingest.ImportProblem;
import cn.doudi.ingest.ImportProgresses;
import cn.doudi.ingest.RosterImports;
import cn.doudi.ingest.Source;
import cn.doudi.security.AccessDeniedException;
import jakarta.servlet.http.HttpSession;

/**
 * 上传名册: one or more files of one source as one upload, through {@link RosterImports} (which checks the
 * user's role and that every row is of the user's county; nothing is written otherwise). The files are
 * kept under {@code <doudi.home>/console-uploads/<random>/<n>/} because the error reports are written beside
 * them; a report can be downloaded only in the session that uploaded it (it holds the rejected rows
 * whole).
 */
@Controller
class UploadsController {

	private static final int SHOWN = 20;
	private static final String REPORTS = "doudi.errorReports";

	private final RosterImports imports;
	private final Path uploads;
	private final Downloads downloads;
	private final ImportProgresses progresses;
	private final cn.doudi.ingest.Uploads uploadHistory;
	private final cn.doudi.security.AccessControl access;

	UploadsController(RosterImports imports, @Value("${doudi.web.upload-dir:${doudi.home}/console-uploads}") Path uploads,
			Downloads downloads, ImportProgresses progresses, cn.doudi.ingest.Uploads uploadHistory,
			cn.doudi.security.AccessControl access) {
		this.uploadHistory = uploadHistory;
		this.access = access;
		this.progresses = progresses;
		this.imports = imports;
		this.uploads = uploads;
		this.downloads = downloads;
	}

	@GetMapping("/uploads")
	String form(Principal principal, HttpSession session, Model model) {
		model.addAttribute("sources", Arrays.asList(Source.values()));
		model.addAttribute("history", history(principal.getName(), session));
		return "uploads";
	}

	static final Map<String, String> UPLOAD_STATUSES = Map.of("COMMITTED", "已导入", "REJECTED", "已拒绝（有错误行，未导入）",
			"FAILED", "失败", "STAGING", "导入中");

	/** One upload of the history, in words; {@code report} the token of its error report when this session may download it. */
	record Past(String at, String by, String files, String rows, String status, String report, String reportName) {
	}

	/**
	 * 上传记录 per source (the latest {@value #HISTORY} of each): who, when (Beijing time), which files, the counts, the
	 * status in words, and the error report's link when this session uploaded it (the report holds rejected rows
	 * whole: the same rule as the outcome page). A county's user sees its county's uploads and reference data.
	 */
	private Map<String, List<Past>> history(String user, HttpSession session) {
		String county = access.find(user).map(cn.doudi.security.User::county).orElse(null);
		@SuppressWarnings("unchecked")
		Map<String, ErrorReport> known = (Map<String, ErrorReport>) session.getAttribute(REPORTS);
		Map<String, List<Past>> bySource = new LinkedHashMap<>();
		for (Source s : Source.values()) {
			List<Past> rows = uploadHistory.history(s.code(), county, HISTORY).stream().map(u -> {
				Map.Entry<String, ErrorReport> report = known == null ? null : known.entrySet().stream()
					.filter(e -> e.getValue().importId() != null && e.getValue().importId() == u.id())
					.findFirst().orElse(null);
				return new Past(u.startedAt(), u.importedBy(), u.fileNames().replace(";", "、"),
						"读 " + u.rowsRead() + " 行，导入 " + u.rowsAccepted() + " 行，拒绝 " + u.rowsRejected() + " 行",
						UPLOAD_STATUSES.getOrDefault(u.status(), u.status()), report == null ? null : report.getKey(),
						report == null ? null : report.getValue().name());
			}).toList();
			if (!rows.isEmpty()) {
				bySource.put(s.title(), rows);
			}
		}
		return bySource;
	}

	static final int HISTORY = 10;

	/**
	 * An import as the page's script shows it: whether one runs, whether it is the user's (another user's
	 * import is only said to run: imports run one at a time), and for the user's own the file, rows read,
	 * bytes read of the files' size and the percentage.
	 */
	record ImportStatus(boolean running, boolean mine, String text, int percent, String file, long rowsRead,
			long bytesRead, long bytesTotal) {
	}

	/** The running import (any {@code serve} or command line), read from the job repository. */
	@GetMapping(path = "/uploads/progress/status", produces = "application/json")
	@ResponseBody
	ImportStatus progress(Principal principal) {
		return importStatus(principal.getName());
	}

	/** 导入进度: the page of the running import; without script it refreshes itself. */
	@GetMapping("/uploads/progress")
	String progressPage(Principal principal, Model model) {
		model.addAttribute("job", importStatus(principal.getName()));
		return "import-progress";
	}

	private ImportStatus importStatus(String user) {
		return progresses.running().map(p -> user.equals(p.importedBy())
				? new ImportStatus(true, true, p.file() + "：" + p.text(), p.percent(), p.file(), p.rowsRead(), p.bytesRead(),
						p.bytesTotal())
				: new ImportStatus(true, false, "另一个导入正在进行（导入逐个进行），请稍候…", 0, "", 0, 0, 0))
			.orElse(new ImportStatus(false, false, "当前没有正在进行的导入", 0, "", 0, 0, 0));
	}

	@PostMapping("/uploads")
	String upload(Principal principal, @RequestParam(defaultValue = "") String source,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(defaultValue = "false") boolean acceptValidRows, HttpSession session, Model model)
			throws IOException {
		Source s = Source.parse(source.strip())
			.orElseThrow(() -> new WebErrors.BadRequest("没有这个数据来源：" + Inputs.shown(source.strip())));
		UploadedFiles.Saved saved = UploadedFiles.save(uploads, files, "请选择要上传的文件");
		ImportOptions options = ImportOptions.by(principal.getName());
		ImportOutcome outcome;
		try {
			outcome = imports.importFiles(s, saved.paths(), acceptValidRows ? options.acceptingValidRows() : options);
		}
		catch (AccessDeniedException | IllegalArgumentException e) {
			delete(saved.folder());
			throw e;
		}
		Map<String, String> reports = new LinkedHashMap<>();
		@SuppressWarnings("unchecked")
		Map<String, ErrorReport> known = (Map<String, ErrorReport>) session.getAttribute(REPORTS);
		Map<String, ErrorReport> kept = known == null ? new LinkedHashMap<>() : new LinkedHashMap<>(known);
		for (Path report : outcome.errorReports()) {
			String token = UUID.randomUUID().toString();
			String name = saved.display(report.getFileName().toString());
			kept.put(token, new ErrorReport(report.toString(), name, outcome.importId()));
			reports.put(token, name);
		}
		session.setAttribute(REPORTS, kept);
		model.addAttribute("source", s);
		model.addAttribute("outcome", outcome);
		model.addAttribute("problems", outcome.problems()
			.stream()
			.limit(SHOWN)
			.map(ImportProblem::masked)
			.map(p -> new ImportProblem(saved.display(p.file()), p.row(), p.column(), p.value(), p.reason()))
			.toList());
		model.addAttribute("more", Math.max(0, outcome.rowsRejected() - Math.min(SHOWN, outcome.problems().size())));
		model.addAttribute("reports", reports);
		return "upload-outcome";
	}

	/** An error report this session may download: where it is, and the name it is downloaded under. */
	record ErrorReport(String path, String name, Long importId) implements java.io.Serializable {
	}

	@GetMapping("/uploads/reports/{token}")
	ResponseEntity<FileSystemResource> report(Principal principal, @PathVariable String token, HttpSession session) {
		@SuppressWarnings("unchecked")
		Map<String, ErrorReport> known = (Map<String, ErrorReport>) session.getAttribute(REPORTS);
		ErrorReport report = known == null ? null : known.get(token);
		if (report == null || !Files.isRegularFile(Path.of(report.path()))) {
			throw new WebErrors.NotFound("没有这个错误报告（只能在上传它的会话中下载；上传超过保留期限后报告已清理）");
		}
		downloads.record(principal.getName(), null, "错误报告", report.name());
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(report.name(), java.nio.charset.StandardCharsets.UTF_8)
				.build()
				.toString())
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(new FileSystemResource(Path.of(report.path())));
	}

	private static void delete(Path dir) {
		try (Stream<Path> s = Files.walk(dir)) {
			s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException e) {
			// best effort: an empty folder under console-uploads
		}
	}
}
