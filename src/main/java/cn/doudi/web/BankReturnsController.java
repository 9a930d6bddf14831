package cn.doudi.web;

import java.io.IOException;
import java.nio.file.Path;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.doudi.disbursement.BankReturnOutcome;
import cn.doudi.disbursement.BankReturns;
import cn.doudi.kernel.Bank;

/**
 * 银行回盘: finance staff upload the banks' return files; each is read through {@link BankReturns} as on
 * the command line ({@code bank-return}): it must be the return of an approved run's final file that
 * the user may pay for (FINANCE of the run's county), every line must match (seq, account, amount), and
 * then the lines are marked paid or failed (a failed line is re-issued as arrears next month). Each file
 * is accepted, recognised as already read, or refused whole with its problems.
 */
@Controller
class BankReturnsController {

	private final BankReturns returns;
	private final Path uploads;

	BankReturnsController(BankReturns returns,
			@Value("${doudi.web.upload-dir:${doudi.home}/console-uploads}") Path uploads) {
		this.returns = returns;
		this.uploads = uploads;
	}

	@GetMapping("/bank-returns")
	String form(Model model) {
		model.addAttribute("banks", List.of(Bank.values()));
		return "bank-returns";
	}

	@PostMapping("/bank-returns")
	String read(Principal principal, @RequestParam(required = false) String bank,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) throws IOException {
		List<BankReturnOutcome> outcomes = new ArrayList<>();
		for (Path file : UploadedFiles.save(uploads.resolve("bank-returns"), files, "请选择银行回盘文件").paths()) {
			// the bank is told by the file's own name (as the bank sent it) unless chosen here
			outcomes.add(returns.read(file, bank == null || bank.isBlank() ? null : bank, principal.getName()));
		}
		model.addAttribute("banks", List.of(Bank.values()));
		model.addAttribute("outcomes", outcomes);
		return "bank-returns";
	}
}
