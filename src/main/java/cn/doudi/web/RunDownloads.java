package cn.doudi.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Principal;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.doudi.payroll.PayrollRuns;
import cn.doudi.payroll.RunTotals;
import jakarta.servlet.http.HttpServletResponse;

/** Downloads of a run's files; who may download what is {@link RunFiles}'s policy, the county check the façade's. */
@Controller
class RunDownloads {

	private final PayrollRuns payroll;
	private final RunFiles files;
	private final Downloads downloads;

	RunDownloads(PayrollRuns payroll, RunFiles files, Downloads downloads) {
		this.payroll = payroll;
		this.files = files;
		this.downloads = downloads;
	}

	@GetMapping("/runs/{id}/payments.xlsx")
	void maskedXlsx(Principal principal, @PathVariable long id, HttpServletResponse response) throws IOException {
		RunTotals t = payroll.run(principal.getName(), id);
		String name = "payments-" + t.run().batchNo() + ".xlsx";
		downloads.record(principal.getName(), t.run().county(), "发放明细（脱敏）", name);
		attachment(response, name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		files.writeMaskedXlsx(id, response.getOutputStream());
	}

	@GetMapping("/runs/{id}/payments.csv")
	void fullCsv(Principal principal, @PathVariable long id, HttpServletResponse response) throws IOException {
		RunTotals t = payroll.run(principal.getName(), id);
		files.requireFinance(principal.getName(), t.run().county());
		String name = "payments-" + t.run().batchNo() + ".csv";
		downloads.record(principal.getName(), t.run().county(), "发放明细（完整证件号和账号）", name);
		attachment(response, name, "text/csv; charset=UTF-8");
		files.writeFullCsv(id, response.getOutputStream());
	}

	@GetMapping("/runs/{id}/files/{kind}/{name:.+}")
	ResponseEntity<FileSystemResource> file(Principal principal, @PathVariable long id, @PathVariable String kind,
			@PathVariable String name) {
		RunTotals t = payroll.run(principal.getName(), id);
		Path file = files.file(principal.getName(), t, kind, name);
		downloads.record(principal.getName(), t.run().county(), kind.equals("bank") ? "代发文件（完整账号）" : "公示", kind + "/" + name);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(new FileSystemResource(file));
	}

	private static void attachment(HttpServletResponse response, String name, String type) {
		response.setContentType(type);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
	}
}
