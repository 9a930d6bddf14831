package cn.doudi.sampledata;

import static cn.doudi.sampledata.Policy.M1;
import static cn.doudi.sampledata.SampleFiles.text;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import cn.doudi.identity.IdNumber;
import cn.doudi.kernel.Bank;
import cn.doudi.kernel.Program;
import cn.doudi.sampledata.Model.Account;
import cn.doudi.sampledata.Model.Person;
import cn.doudi.sampledata.Sheets.Value;

/**
 * {@code bad/beneficiaries-410102-bad.xlsx}: a small roster with the Excel traps and rejectable rows of
 * INPUTS.md, for trying {@code import} by hand (the demo never imports it).
 */
final class BadInput {

	record Expected(int line, String column, String reason) {
	}

	private BadInput() {
	}

	static List<Expected> write(World w, Path file) {
		Mint mint = w.mint;
		String community = w.geography.villages(Geography.URBAN_COUNTY, true).get(0).code();
		List<List<Value>> rows = new ArrayList<>();
		List<Expected> expected = new ArrayList<>();
		int line = 2; // title row 1, header row 2

		// a valid household of two
		Person head = w.adult(Geography.URBAN_COUNTY, 60, 60, true, null);
		Person wife = w.adult(Geography.URBAN_COUNTY, 58, 58, false, null);
		String h1 = mint.household(community);
		Account a1 = mint.account(Bank.ICBC, head.name());
		rows.add(row(rows, community, h1, text(head.id()), head, "户主", Program.DIBAO_URBAN, null, "400.00", a1, null));
		rows.add(row(rows, community, h1, text(wife.id()), wife, "配偶", Program.DIBAO_URBAN, null, "400.00", null, null));
		line += 2;

		// an 18-digit ID stored as a number cell: Excel has already lost its last digits
		Person numeric = w.adult(Geography.URBAN_COUNTY, 85, 85, false, null);
		while (numeric.id().endsWith("X")) {
			numeric = w.adult(Geography.URBAN_COUNTY, 85, 85, false, null);
		}
		rows.add(row(rows, community, mint.household(community), new Sheets.RawNumber(Double.parseDouble(numeric.id())),
				numeric, "本人", Program.ELDERLY, null, null, mint.account(Bank.PSBC, numeric.name()), null));
		expected.add(new Expected(++line, "身份证号", "身份证号被存为数字，末位已丢失"));

		// a wrong check digit
		Person typo = w.adult(Geography.URBAN_COUNTY, 88, 88, true, null);
		char right = typo.id().charAt(17);
		char wrong = right == '0' ? '1' : '0';
		rows.add(row(rows, community, mint.household(community), text(typo.id().substring(0, 17) + wrong), typo, "本人",
				Program.ELDERLY, null, null, mint.account(Bank.CCB, typo.name()), null));
		expected.add(new Expected(++line, "身份证号",
				"身份证号校验位错误（按前17位应为" + IdNumber.checkDigit(typo.id().substring(0, 17)) + "）"));

		// a dibao household without a 户主 row: both rows rejected
		Person m1 = w.adult(Geography.URBAN_COUNTY, 40, 40, false, null);
		Person m2 = w.adult(Geography.URBAN_COUNTY, 12, 12, true, null);
		String h3 = mint.household(community);
		rows.add(row(rows, community, h3, text(m1.id()), m1, "配偶", Program.DIBAO_URBAN, null, "300.00", null, null));
		rows.add(row(rows, community, h3, text(m2.id()), m2, "子女", Program.DIBAO_URBAN, null, "300.00", null, null));
		expected.add(new Expected(++line, "与户主关系", "户主缺失"));
		expected.add(new Expected(++line, "与户主关系", "户主缺失"));

		// a 19-digit account stored as a number cell
		Person tekun = w.adult(Geography.URBAN_COUNTY, 70, 70, true, null);
		Account lost = mint.account(Bank.ABC, tekun.name());
		rows.add(row(rows, community, mint.household(community), text(tekun.id()), tekun, "本人", Program.TEKUN, "全自理",
				null, lost, new Sheets.RawNumber(Double.parseDouble(lost.number()))));
		expected.add(new Expected(++line, "银行账号", "银行账号被存为数字，末位已丢失"));

		// an account name holding the bank files' separator "|" (a guardian written after the holder)
		Person guarded = w.adult(Geography.URBAN_COUNTY, 82, 82, false, null);
		Account bar = mint.account(Bank.CCB, guarded.name() + "|监护人" + w.adult(Geography.URBAN_COUNTY, 50, 50, true, null).name());
		rows.add(row(rows, community, mint.household(community), text(guarded.id()), guarded, "本人", Program.ELDERLY,
				null, null, bar, null));
		expected.add(new Expected(++line, "账户名", "账户名含竖线“|”（银行代发文件的分隔符）"));

		// a name broken over two lines inside its cell (Alt+Enter)
		Person broken = w.adult(Geography.URBAN_COUNTY, 84, 84, true, null);
		Person twoLines = new Person(broken.id(), broken.name().substring(0, 1) + "\n" + broken.name().substring(1),
				broken.birth(), broken.male(), null);
		rows.add(row(rows, community, mint.household(community), text(broken.id()), twoLines, "本人", Program.ELDERLY,
				null, null, mint.account(Bank.BOC, broken.name()), null));
		expected.add(new Expected(++line, "姓名", "姓名含换行"));

		// a valid TEKUN row to finish
		Person ok = w.adult(Geography.URBAN_COUNTY, 75, 75, false, null);
		rows.add(row(rows, community, mint.household(community), text(ok.id()), ok, "本人", Program.TEKUN, "半护理", null,
				mint.account(Bank.BOC, ok.name()), null));

		Sheets.xlsx(file, "花名册", "郑州市中原区" + M1.getYear() + "年" + M1.getMonthValue() + "月低保花名册（待导入）",
				SampleFiles.BENEFICIARY_HEADER, rows, null, new int[] { 6, 14, 18, 21, 14, 10, 28, 8, 12, 10, 10, 18, 22, 18 });
		return expected;
	}

	private static List<Value> row(List<List<Value>> rows, String region, String household, Value id, Person p,
			String relation, Program program, String category, String income, Account account, Value accountCell) {
		YearMonth start = YearMonth.of(2024, 3);
		return List.of(text(String.valueOf(rows.size() + 1)), text(region), text(household), id, text(p.name()),
				text(relation), text(program.chineseName()), text(category),
				new Sheets.Money(income == null ? null : new java.math.BigDecimal(income)), text(start.toString()),
				text(""), text(account == null ? "" : SampleFiles.officialName(account.bank())),
				accountCell != null ? accountCell : text(account == null ? "" : account.number()),
				text(account == null ? "" : account.holder()));
	}
}
