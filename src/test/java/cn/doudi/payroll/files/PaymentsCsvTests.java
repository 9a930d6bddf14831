package cn.doudi.payroll.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.doudi.kernel.Program;
import cn.doudi.payroll.PaymentLineView;

/** payments.csv has one writer: the month-end folder's file and the console's download are the same bytes. */
class PaymentsCsvTests {

	static final PaymentLineView LINE = new PaymentLineView(1, 1, 1, "410102", "410102001001", Program.ELDERLY, "80-89",
			"E1", "410102194003020114", "欧阳,\"娜\"", YearMonth.of(2026, 10), new BigDecimal("100"), "HELD",
			"NAME_MISMATCH;SHARED_ACCOUNT", "ICBC", "6222020000000001", "欧阳娜", true, null);

	@Test
	void theFileAndTheDownloadAreTheSameBytes(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("payments.csv");
		try (PaymentsCsv csv = PaymentsCsv.toFile(file)) {
			csv.line(LINE);
		}
		ByteArrayOutputStream download = new ByteArrayOutputStream();
		try (PaymentsCsv csv = PaymentsCsv.onto(download)) {
			csv.line(LINE);
		}

		assertThat(download.toByteArray()).isEqualTo(Files.readAllBytes(file));
		assertThat(download.toString(StandardCharsets.UTF_8)).isEqualTo("""
				county,region_code,program,category,household_id,id_number,name,pay_month,amount,status,reason,bank,account_number,arrears
				410102,410102001001,ELDERLY,80-89,E1,410102194003020114,"欧阳,""娜""\",2026-10,100.00,HELD,NAME_MISMATCH;SHARED_ACCOUNT,ICBC,6222020000000001,true
				""");
	}
}
