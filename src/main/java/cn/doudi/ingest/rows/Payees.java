package cn.doudi.ingest.rows;

import java.util.Arrays;
import java.util.Optional;

import cn.doudi.kernel.Bank;

/**
 * The bank columns shared by beneficiaries and temp-assist: bank, account (12–19 digits), account name (a
 * name for the bank files: no line break, control character or separator, {@link TextFields#bankText}).
 */
final class Payees {

	private static final String BANKS = "工商银行、农业银行、中国银行、建设银行、交通银行、邮储银行、农村信用社/农商银行（或代码 "
			+ String.join("/", Arrays.stream(Bank.values()).map(Enum::name).toList()) + "）";

	private Payees() {
	}

	/** Bank code, account number and account name; required when {@code payee}, else checked only when given. */
	static String[] read(RowContext ctx, ColumnDef bank, ColumnDef account, ColumnDef accountName, boolean payee) {
		String bankCode = null;
		if (!ctx.blank(bank)) {
			Optional<Bank> b = Lookups.bank(TextFields.compact(ctx.raw(bank)));
			if (b.isEmpty()) {
				ctx.reject(bank, "开户银行无法识别，应为" + BANKS);
			}
			else {
				bankCode = b.get().name();
			}
		}
		else if (payee) {
			ctx.reject(bank, "收款行的开户银行不能为空");
		}
		String number = null;
		if (!ctx.blank(account) || payee) {
			number = TextFields.digits(ctx, account, 12, 19);
		}
		String name = ctx.blank(accountName) ? null : TextFields.personName(ctx.raw(accountName));
		if (name == null && payee) {
			ctx.reject(accountName, "收款行的账户名不能为空");
		}
		else if (name != null && !TextFields.bankText(ctx, accountName, name)) {
			name = null;
		}
		return new String[] { bankCode, number, name };
	}
}
