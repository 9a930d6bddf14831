package cn.doudi.notices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.doudi.identity.IdNumber;
import cn.doudi.kernel.Money;
import cn.doudi.kernel.Program;
import cn.doudi.notices.RegionNames.Names;
import cn.doudi.notices.render.Amounts;
import cn.doudi.notices.render.NoticeRow;
import cn.doudi.notices.render.PublicNotice;
import cn.doudi.payroll.PaymentLineView;
import cn.doudi.payroll.PayrollRun;

/**
 * Words the public notices (公示) of one run: one per village or community (a line's 12-digit
 * {@code region_code}) that has a PAY line in the run.
 * <ul>
 * <li>Listed: every PAY line of the programs people apply for — the month's own lines and arrears
 * (备注 {@code 补发YYYY年M月}), since the notice shows what public money is paid to whom. DIBAO lines
 * are one row per household (户主, covered members n), the others one row per person (1).</li>
 * <li>Price subsidies (价格临时补贴) are not listed row by row: they are a CPI-triggered top-up to
 * people already listed (or members of a listed household, whose names a DIBAO row does not show);
 * one footer line gives their count and total instead.</li>
 * <li>Not listed: HELD lines (under review and not paid; they appear once paid, as arrears).</li>
 * <li>The remark shows 渐退期 and 补发 only: other categories (disability grade, care level) are
 * sensitive personal data, not needed to check a payment.</li>
 * </ul>
 * Rows are sorted by program (the order of {@link cn.doudi.kernel.Program}), household, ID number and
 * pay month. The period (公示期) runs for {@code periodDays} days from the run's pay date.
 */
final class PublicNotices {

	private static final Comparator<PaymentLineView> ORDER = Comparator
		.comparing((PaymentLineView l) -> l.program().ordinal())
		.thenComparing(PaymentLineView::householdId, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(PaymentLineView::idNumber)
		.thenComparing(PaymentLineView::payMonth);

	private PublicNotices() {
	}

	/** A village's notice and its code. */
	record VillageNotice(String villageCode, PublicNotice notice) {
	}

	static List<VillageNotice> of(PayrollRun run, List<PaymentLineView> lines, Names names, String hotline,
			int periodDays) {
		Map<String, List<PaymentLineView>> byVillage = new TreeMap<>();
		for (PaymentLineView line : lines) {
			if (line.isPay()) {
				byVillage.computeIfAbsent(line.regionCode(), k -> new ArrayList<>()).add(line);
			}
		}
		List<VillageNotice> notices = new ArrayList<>();
		byVillage.forEach((code, villageLines) -> notices.add(village(run, code, villageLines, names, hotline, periodDays)));
		return notices;
	}

	/** The notice of one village or community: {@code villageLines} are its PAY lines. */
	static VillageNotice village(PayrollRun run, String code, List<PaymentLineView> villageLines, Names names,
			String hotline, int periodDays) {
		LocalDate start = payDate(run);
		LocalDate end = start.plusDays(periodDays - 1L);
		String month = ChineseDates.month(run.month());
		String county = names.of(run.county());
		String issuer = county + "民政局";
		String village = names.of(code);
		String township = code.length() >= 9 ? names.of(code.substring(0, 9)) : "";
		List<NoticeRow> rows = new ArrayList<>();
		BigDecimal total = Money.ZERO;
		int subsidies = 0;
		BigDecimal subsidyTotal = Money.ZERO;
		for (PaymentLineView l : villageLines.stream().sorted(ORDER).toList()) {
			if (l.program() == Program.PRICE_SUBSIDY) {
				subsidies++;
				subsidyTotal = subsidyTotal.add(l.amount());
				continue;
			}
			rows.add(row(l, run.month()));
			total = total.add(l.amount());
		}
		String title = spaced(village) + month + "城乡低保等救助对象公示";
		String lead = "根据《社会救助暂行办法》和城乡最低生活保障、特困人员救助供养等社会救助政策的有关规定，现将" + spaced(village) + month
				+ "享受城乡低保等社会救助的对象及发放金额予以公示，接受群众监督。";
		String place = "区划：" + String.join(" ", county, township, village).replaceAll(" +", " ").strip();
		List<String> footer = new ArrayList<>();
		if (subsidies > 0) {
			footer.add("本月另随以上保障对象发放" + Program.PRICE_SUBSIDY.chineseName() + subsidies + "人次，金额合计"
					+ Amounts.format(subsidyTotal) + "元，不另列明细。");
		}
		footer.addAll(List.of(
				"公示期：" + ChineseDates.date(start) + "至" + ChineseDates.date(end) + "（" + periodDays + "天）。",
				"公示期间，对公示对象或金额有异议的，可向所在乡镇（街道）或" + issuer + "反映，我们将依法依规核实处理，并为反映人保密。",
				"监督电话：" + hotline));
		return new VillageNotice(code,
				new PublicNotice(title, lead, place, rows, Money.fen(total), footer, issuer, ChineseDates.date(start)));
	}

	/** A name followed by a space when it is a bare code, so that the code and the year stay apart. */
	private static String spaced(String name) {
		return !name.isEmpty() && Character.isDigit(name.charAt(name.length() - 1)) ? name + " " : name;
	}

	static LocalDate payDate(PayrollRun run) {
		return run.payDate() != null ? run.payDate() : run.month().atDay(10);
	}

	private static NoticeRow row(PaymentLineView l, YearMonth runMonth) {
		List<String> remarks = new ArrayList<>();
		if ("渐退".equals(l.category())) {
			remarks.add("渐退期"); // other categories (disability grade, care level) are health data: not published
		}
		if (l.arrears() || !l.payMonth().equals(runMonth)) {
			remarks.add("补发" + ChineseDates.month(l.payMonth()));
		}
		int members = l.program().perHousehold() && l.members() != null ? l.members() : 1;
		return new NoticeRow(l.name(), IdNumber.mask(l.idNumber()), l.program().chineseName(), members,
				Money.fen(l.amount()), String.join("；", remarks));
	}
}
