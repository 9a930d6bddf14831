package cn.doudi.notices;

import java.util.List;

import cn.doudi.identity.IdNumber;
import cn.doudi.kernel.StopReason;
import cn.doudi.notices.RegionNames.Names;
import cn.doudi.notices.render.StopNotice;
import cn.doudi.notices.render.StopNotice.Fact;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.StopView;

/**
 * Words the individual stop notices (告知书) of one run, one per stop in {@code stops.csv} order:
 * addressed to the person (a DIBAO stop to the household's 户主; a death to the family), the program,
 * the reason, the last paid month and the run's month as the first month without payment, the right
 * to administrative reconsideration (60 days, 行政复议法) or a lawsuit (6 months, 行政诉讼法) and the
 * hotline; issued by the county's civil-affairs bureau on the run's pay date. Each carries a document
 * number (文号) from {@code doudi.notice.document-number}, numbered in {@code stops.csv} order, so the same
 * run gives the same numbers; the PDF follows each notice with its receipt of service (送达回执).
 */
final class StopNotices {

	static final String TITLE = "停止发放社会救助资金告知书";

	/**
	 * The default pattern of the document numbers: {@code {year}} the run's year, {@code {month}} its month
	 * (two digits), {@code {county}} the county's name (its code when regions has none), {@code {county-code}}
	 * the code, {@code {seq}} the notice's number in the run (three digits, from 001). With the month in the
	 * number, the numbers of one county stay unique within the year.
	 */
	static final String DOCUMENT_NUMBER = "〔{year}〕{county}民救停字第{month}{seq}号";

	private StopNotices() {
	}

	static List<StopNotice> of(PayrollRun run, List<StopView> stops, Names names, String hotline) {
		return of(run, stops, names, hotline, DOCUMENT_NUMBER);
	}

	/** The document number of the {@code seq}-th (from 1) notice of {@code run}. */
	static String documentNumber(String pattern, PayrollRun run, Names names, int seq) {
		return pattern.replace("{year}", Integer.toString(run.month().getYear()))
			.replace("{month}", String.format("%02d", run.month().getMonthValue()))
			.replace("{county-code}", run.county())
			.replace("{county}", names.of(run.county()))
			.replace("{seq}", String.format("%03d", seq));
	}

	static List<StopNotice> of(PayrollRun run, List<StopView> stops, Names names, String hotline, String numberPattern) {
		String county = names.of(run.county());
		String issuer = county + "民政局";
		String stopMonth = ChineseDates.month(run.month());
		String date = ChineseDates.date(PublicNotices.payDate(run));
		java.util.concurrent.atomic.AtomicInteger seq = new java.util.concurrent.atomic.AtomicInteger();
		return stops.stream().map(s -> {
			boolean household = s.program().perHousehold();
			boolean deceased = s.reason() == StopReason.DECEASED;
			String addressee = (household ? "户主 " : "") + s.name() + (deceased ? "（已故）家属：" : "：");
			String last = s.lastPaidMonth() == null ? "无" : ChineseDates.month(s.lastPaidMonth());
			List<Fact> facts = List.of(new Fact(household ? "户主姓名" : "姓名", s.name()),
					new Fact("身份证号", IdNumber.mask(s.idNumber())), new Fact("救助项目", s.program().chineseName()),
					new Fact("停发原因", s.reason().chineseName()), new Fact("最后发放月份", last),
					new Fact("停止发放月份", stopMonth + "起"));
			String subject = deceased ? s.name() : household ? "您家庭" : "您";
			String decision = "经核查，" + subject + "享受的" + s.program().chineseName() + "，因"
					+ s.reason().clause() + "，根据社会救助有关规定，自" + stopMonth + "起停止发放。"
					+ (s.lastPaidMonth() == null ? "此前无已发放记录。" : "最后一次发放月份为" + last + "。");
			List<String> paragraphs = List.of(decision,
					"如对本决定不服，可以自收到本告知书之日起六十日内向" + county + "人民政府申请行政复议，也可以自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。",
					"如有疑问，请向所在乡镇（街道）或本局咨询。监督电话：" + hotline + "。", "特此告知。");
			String recipient = (household ? "户主 " : "") + s.name() + (deceased ? "（已故）家属" : "");
			return new StopNotice(TITLE, documentNumber(numberPattern, run, names, seq.incrementAndGet()), addressee,
					recipient, facts, paragraphs, issuer, date);
		}).toList();
	}
}
