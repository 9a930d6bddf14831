package cn.doudi.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.doudi.ingest.ImportOptions;
import cn.doudi.ingest.ImportOutcome;
import cn.doudi.ingest.ImportProblem;
import cn.doudi.ingest.RosterImports;
import cn.doudi.ingest.Source;
import cn.doudi.security.AccessDeniedException;
import cn.doudi.security.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /api/v1/uploads/{source}}: one roster file (multipart field {@code file}; {@code encoding} of a CSV,
 * default detected; {@code acceptValidRows}) imported through {@link RosterImports} as the token's user — the
 * same checks, counts, whole-file-or-nothing and error report as a console upload or {@code import}. The file
 * and its {@code .errors.xlsx} are kept like the console's uploads (under {@code doudi.web.upload-dir}, deleted
 * after {@code doudi.web.uploads-retention}); the report is downloadable by the same user at the URL the answer
 * gives ({@code GET /api/v1/uploads/{id}/reports/{name}}, audited {@code DOWNLOAD}). Problems show ID and account
 * numbers masked; the report holds them whole, as the console's does.
 */
@RestController
@RequestMapping("/api/v1/uploads")
@Tag(name = "上传名册")
class UploadsApi {

	static final int SHOWN = 50;
	private static final String OWNER = ".owner";

	private final RosterImports imports;
	private final Path uploads;
	private final AuditLog audit;

	UploadsApi(RosterImports imports, @Value("${doudi.web.upload-dir:${doudi.home}/console-uploads}") Path uploads,
			AuditLog audit) {
		this.imports = imports;
		this.uploads = uploads;
		this.audit = audit;
	}

	/** The answer to an upload. {@code status}: COMMITTED, DUPLICATE or REJECTED (nothing imported). */
	record Uploaded(String uploadId, String source, String sourceName, String status, String message, Long importId,
			int rowsRead, int rowsAccepted, int rowsRejected, List<String> counties, List<String> warnings,
			List<Problem> problems, List<Report> errorReports) {
	}

	/** A rejected row (or file): ID and account numbers masked. */
	record Problem(String file, int row, String column, String value, String reason) {
	}

	/** An error report: its name and where to download it (with the same token). */
	record Report(String name, String url) {
	}

	@PostMapping(path = "/{source}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "上传一个名册文件（CSV 或 XLSX），与控制台上传、命令行 import 结果相同")
	Uploaded upload(Principal principal, @PathVariable String source, @RequestPart("file") MultipartFile file,
			@RequestParam(required = false) String encoding, @RequestParam(defaultValue = "false") boolean acceptValidRows)
			throws IOException {
		Source s = Source.parse(source)
			.orElseThrow(() -> new ApiErrors.BadRequest("没有这个数据来源：" + shown(source) + "（可用："
					+ String.join("、", Stream.of(Source.values()).map(Source::code).toList()) + "）"));
		if (file.isEmpty()) {
			throw new ApiErrors.BadRequest("上传的文件是空的（multipart 字段 file）");
		}
		ImportOptions options = ImportOptions.by(principal.getName());
		if (encoding != null && !encoding.isBlank()) {
			options = options.withEncoding(charset(encoding));
		}
		if (acceptValidRows) {
			options = options.acceptingValidRows();
		}
		String id = UUID.randomUUID().toString();
		Path folder = Files.createDirectories(uploads.resolve(id));
		Files.writeString(folder.resolve(OWNER), principal.getName(), StandardCharsets.UTF_8);
		Path target = Files.createDirectories(folder.resolve("1")).resolve(safeName(file.getOriginalFilename()));
		try (InputStream in = file.getInputStream()) {
			Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
		}
		ImportOutcome outcome;
		try {
			outcome = imports.importFiles(s, List.of(target), options);
		}
		catch (AccessDeniedException | IllegalArgumentException e) {
			delete(folder);
			throw e;
		}
		return new Uploaded(id, s.code(), s.title(), outcome.status().name(), message(outcome), outcome.importId(),
				outcome.rowsRead(), outcome.rowsAccepted(), outcome.rowsRejected(), outcome.counties(), outcome.warnings(),
				outcome.problems()
					.stream()
					.limit(SHOWN)
					.map(ImportProblem::masked)
					.map(p -> new Problem(p.file(), p.row(), p.column(), p.value(), p.reason()))
					.toList(),
				outcome.errorReports()
					.stream()
					.map(r -> r.getFileName().toString())
					.map(n -> new Report(n, "/api/v1/uploads/" + id + "/reports/"
							+ URLEncoder.encode(n, StandardCharsets.UTF_8).replace("+", "%20")))
					.toList());
	}

	@GetMapping("/{id}/reports/{name}")
	@Operation(summary = "下载一次上传的错误报告（.errors.xlsx，含被拒行的完整内容）；仅限上传它的用户")
	ResponseEntity<FileSystemResource> report(Principal principal, @PathVariable String id, @PathVariable String name)
			throws IOException {
		if (!id.matches("[0-9a-f-]{36}") || !name.endsWith(".errors.xlsx") || name.contains("/") || name.contains("\\")
				|| name.startsWith(".")) {
			throw new ApiErrors.BadRequest("没有这个错误报告");
		}
		Path folder = uploads.resolve(id);
		Path owner = folder.resolve(OWNER);
		Path report = folder.resolve("1").resolve(name);
		if (!Files.isRegularFile(owner) || !Files.isRegularFile(report)) {
			return ResponseEntity.status(404).build();
		}
		if (!Files.readString(owner, StandardCharsets.UTF_8).equals(principal.getName())) {
			throw new AccessDeniedException("错误报告只能由上传它的用户下载");
		}
		audit.record(principal.getName(), "DOWNLOAD", null, "错误报告", name);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(new FileSystemResource(report));
	}

	static String message(ImportOutcome o) {
		return switch (o.status()) {
			case COMMITTED -> "已导入：读取 " + o.rowsRead() + " 行，接受 " + o.rowsAccepted() + " 行"
					+ (o.rowsRejected() > 0 ? "，拒绝 " + o.rowsRejected() + " 行（见错误报告）" : "");
			case DUPLICATE -> "与此前导入的内容相同，未作任何更改";
			case REJECTED -> "整个文件未导入：" + o.rowsRejected() + " 行有问题（见 problems 和错误报告），改正后重新上传";
		};
	}

	private static Charset charset(String name) {
		try {
			return Charset.forName(name.strip());
		}
		catch (RuntimeException e) {
			throw new ApiErrors.BadRequest("不认识的编码：" + shown(name) + "（例如 UTF-8、GBK、GB18030）");
		}
	}

	static String shown(String s) {
		String t = s == null ? "" : s.replaceAll("\\p{Cntrl}", "?");
		return t.length() > 40 ? t.substring(0, 40) + "…" : t;
	}

	/** The client's file name without any folder part (the extension decides CSV or XLSX), or a neutral one. */
	static String safeName(String original) {
		String name = original == null ? "" : original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}:*?\"<>|]", "_").strip();
		if (name.isEmpty() || name.startsWith(".")) {
			name = "upload" + name;
		}
		while (name.getBytes(StandardCharsets.UTF_8).length > 180) {
			int dot = name.lastIndexOf('.');
			name = dot > 1 ? name.substring(0, dot - 1) + name.substring(dot) : name.substring(0, name.length() - 1);
		}
		return name;
	}

	private static void delete(Path dir) {
		try (Stream<Path> s = Files.walk(dir)) {
			s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException e) {
			// best effort
		}
	}
}
