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
	private final MonthReports reports;
	private final cn.doudi.ingest.Regions regions;

	RunDownloads(PayrollRuns payroll, RunFiles files, Downloads downloads, MonthReports reports,
			cn.doudi.ingest.Regions regions) {
		this.reports = reports;
		this.regions = regions;
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

	/** The month's reports (汇总表, 疑点清单, 停发名单, 多发待追回) of the run's county, masked XLSX, for every reader. */
	@GetMapping("/runs/{id}/reports/{name}.xlsx")
	void report(Principal principal, @PathVariable long id, @PathVariable String name, HttpServletResponse response)
			throws IOException {
		RunTotals t = payroll.run(principal.getName(), id);
		MonthReports.Report report = MonthReports.report(name);
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		reports.writeXlsx(t, report, regions.names(), bytes);
		String file = report.name() + "-" + t.run().batchNo() + ".xlsx";
		downloads.record(principal.getName(), t.run().county(), report.title() + "（脱敏）", file);
		attachment(response, file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.getOutputStream().write(bytes.toByteArray());
	}

	/** The run's bank files as one ZIP: FINANCE of the county only (full account numbers), audited. */
	@GetMapping("/runs/{id}/bank.zip")
	void bankZip(Principal principal, @PathVariable long id, HttpServletResponse response) throws IOException {
		RunTotals t = payroll.run(principal.getName(), id);
		files.requireFinance(principal.getName(), t.run().county());
		java.util.List<Path> bank = files.list(principal.getName(), t).stream()
			.filter(f -> f.kind().equals("bank"))
			.map(f -> files.file(principal.getName(), t, f.kind(), f.name()))
			.toList();
		if (bank.isEmpty()) {
			throw new WebErrors.NotFound("本批次没有代发文件");
		}
		byte[] zip = reports.bankZip(bank);
		String name = "bank-" + t.run().batchNo() + ".zip";
		downloads.record(principal.getName(), t.run().county(), "代发文件压缩包（完整账号）", name);
		attachment(response, name, "application/zip");
		response.getOutputStream().write(zip);
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
