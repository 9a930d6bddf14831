package cn.doudi.disbursement.batch;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One PAY line as it goes to a bank: {@code seq} from 1 within the bank's file, in {@code payments.csv}
 * order; {@code memo} the 摘要 ({@link Memo}).
 */
public record BankLine(int seq, long paymentLineId, String account, String accountName, BigDecimal amount,
		String idNumber, String name, String program, YearMonth payMonth, String memo) {
}
