package cn.doudi.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import cn.doudi.disbursement.BankReturnOutcome;
import cn.doudi.disbursement.BankReturns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bank-return <file>... [--bank=CODE] [--user=U]}: reads bank return files (回盘), each whole or not
 * at all; prints what each did; exits 4 when any file was refused (its problems on standard error).
 */
@Command(name = "bank-return", description = "读取银行回盘文件：标记批次各行成功或失败。")
class BankReturnCommand implements Callable<Integer> {

	private static final int SHOWN = 20;

	@Parameters(arity = "1..*", paramLabel = "<file>", description = "回盘文件（银行的格式）。")
	List<Path> files;

	@Option(names = "--bank", description = "银行代码（默认取文件名第一段，如 ICBC-…）。")
	String bank;

	@Mixin
	UserOption user;

	private final BankReturns returns;

	BankReturnCommand(BankReturns returns) {
		this.returns = returns;
	}

	@Override
	public Integer call() {
		int refused = 0;
		for (Path f : files) {
			BankReturnOutcome o = returns.read(f, bank, user.name());
			switch (o.status()) {
				case ACCEPTED -> System.out.printf("%s：批次 %s（%s）已导入 #%d：成功 %d 笔，失败 %d 笔%n", o.file(), o.batchNo(),
						o.bank(), o.importId(), o.paid(), o.failed());
				case DUPLICATE -> System.out.printf("%s：相同内容已于导入 #%d 读过，未做任何更改%n", o.file(), o.importId());
				case REJECTED -> {
					refused++;
					System.err.printf("doudi: %s 被拒绝，未做任何更改：%s%n", o.file(), o.problems().get(0));
					o.problems().stream().skip(1).limit(SHOWN - 1).forEach(p -> System.err.println("  " + p));
					if (o.problems().size() > SHOWN) {
						System.err.printf("  …另有 %d 个问题%n", o.problems().size() - SHOWN);
					}
				}
			}
		}
		return refused == 0 ? CommandLines.OK : CommandLines.DATA;
	}
}
