package cn.doudi.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.doudi.kernel.Program;
import cn.doudi.kernel.StopReason;
import cn.doudi.notices.PublicNotices.VillageNotice;
import cn.doudi.notices.RegionNames.Names;
import cn.doudi.notices.render.CjkFont;
import cn.doudi.notices.render.TestFonts;
import cn.doudi.notices.render.PublicNoticePdf;
import cn.doudi.notices.render.PublicNoticeWorkbook;
import cn.doudi.notices.render.StopNoticesPdf;
import cn.doudi.payroll.PaymentLineView;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.RunStatus;
import cn.doudi.payroll.StopView;
import cn.doudi.support.TestData;

/**
 * The wording and rendering of notices without a database: what a public notice lists and in which
 * order, the XLSX and PDF content, a long notice over several pages, stop notices page by page, and
 * byte-identical files when written twice. Pages are also rendered to PNG under
 * {@code target/notice-pages/} for a person to look at.
 */
class NoticeRenderingTests {

	static final String COUNTY = "410102";
	static final String VILLAGE = "410102001001";
	static final YearMonth NOV = YearMonth.of(2026, 11);
	static final PayrollRun RUN = new PayrollRun(7, COUNTY, NOV, 1, "410102-202611-01", RunStatus.DRAFT,
			LocalDate.of(2026, 11, 10), null, null);
	static final Names NAMES = code -> Map.of("410102", "中原区", "410102001", "林山寨街道", VILLAGE, "建新社区")
		.getOrDefault(code, code);
	static final String HEAD = TestData.id(COUNTY, "1970-03-02", 11);
	static final String ELDER = TestData.id(COUNTY, "1940-05-06", 21);
	static final String CHILD = TestData.id(COUNTY, "2010-07-08", 32);

	static final CjkFont font = TestFonts.cjk();

	@TempDir
	Path out;

	static PaymentLineView line(String village, Program p, String household, String id, String name, YearMonth m,
			String amount, String status, Integer members, String category) {
		return new PaymentLineView(0, 7, 0, COUNTY, village, p, category, household, id, name, m, new BigDecimal(amount),
				status, "HELD".equals(status) ? "NAME_MISMATCH" : "", "ICBC", "6222020200" + id.substring(8, 17), name,
				!m.equals(NOV), members);
	}

	static List<PaymentLineView> lines() {
		return List.of(line(VILLAGE, Program.DIBAO_URBAN, "4101020010010001", HEAD, "王建国", NOV, "1380.00", "PAY", 3, ""),
				line(VILLAGE, Program.DIBAO_URBAN, "4101020010010001", HEAD, "王建国", NOV.minusMonths(1), "1380.00",
						"PAY", 3, ""),
				line(VILLAGE, Program.ELDERLY, "4101020010010002", ELDER, "李秀英", NOV, "100.00", "PAY", null, "80-89"),
				line(VILLAGE, Program.DISABILITY_CARE, "4101020010010002", ELDER, "李秀英", NOV, "120.00", "HELD", null,
						"一级"),
				line(VILLAGE, Program.ORPHAN, "4101020010010003", CHILD, "赵小明", NOV, "1380.00", "PAY", null, "散居"),
				line(VILLAGE, Program.PRICE_SUBSIDY, "4101020010010003", CHILD, "赵小明", NOV, "51.00", "PAY", null, ""),
				line(VILLAGE, Program.PRICE_SUBSIDY, "4101020010010001", TestData.id(COUNTY, "1972-01-01", 51), "刘桂花",
						NOV, "51.00", "PAY", null, ""),
				line("410102001002", Program.ELDERLY, "4101020010020001", TestData.id(COUNTY, "1941-01-01", 41), "孙大爷",
						NOV, "100.00", "PAY", null, "80-89"));
	}

	@Test
	void aVillageNoticeListsItsPayLinesOnePerHouseholdOrPersonInProgramOrderAndSumsUpPriceSubsidies() {
		List<VillageNotice> notices = PublicNotices.of(RUN, lines(), NAMES, "0371-12345678", 7);

		assertThat(notices).extracting(VillageNotice::villageCode).containsExactly(VILLAGE, "410102001002");
		var notice = notices.get(0).notice();
		assertThat(notice.title()).isEqualTo("建新社区2026年11月城乡低保等救助对象公示");
		assertThat(notice.rows()).extracting(r -> r.name() + "|" + r.maskedId() + "|" + r.program() + "|" + r.members()
				+ "|" + r.amount() + "|" + r.remark())
			.containsExactly("王建国|410102********" + HEAD.substring(14) + "|城市最低生活保障|3|1380.00|补发2026年10月",
					"王建国|410102********" + HEAD.substring(14) + "|城市最低生活保障|3|1380.00|",
					"李秀英|410102********" + ELDER.substring(14) + "|高龄津贴|1|100.00|",
					"赵小明|410102********" + CHILD.substring(14) + "|孤儿基本生活费|1|1380.00|");
		assertThat(notice.total()).isEqualByComparingTo("4240.00");
		assertThat(notice.footer()).containsExactly("本月另随以上保障对象发放价格临时补贴2人次，金额合计102.00元，不另列明细。",
				"公示期：2026年11月10日至2026年11月16日（7天）。",
				"公示期间，对公示对象或金额有异议的，可向所在乡镇（街道）或中原区民政局反映，我们将依法依规核实处理，并为反映人保密。",
				"监督电话：0371-12345678");
		assertThat(notice.place()).isEqualTo("区划：中原区 林山寨街道 建新社区");
	}

	@Test
	void aCodeWithoutANameIsShownAsTheCode() {
		var notice = PublicNotices.of(RUN, lines(), NAMES, "x", 7).get(1).notice();
		assertThat(notice.title()).isEqualTo("410102001002 2026年11月城乡低保等救助对象公示");
	}

	@Test
	void theXlsxShowsTitleHeadersMaskedIdsAmountsTotalAndFooter() throws Exception {
		var notice = PublicNotices.of(RUN, lines(), NAMES, "0371-12345678", 7).get(0).notice();
		Path xlsx = out.resolve("n.xlsx");
		PublicNoticeWorkbook.write(notice, xlsx);

		List<String> rows = NoticeFiles.xlsxRows(xlsx);
		assertThat(rows.get(0)).isEqualTo("建新社区2026年11月城乡低保等救助对象公示");
		assertThat(rows.get(2)).isEqualTo("区划：中原区 林山寨街道 建新社区|单位：元");
		assertThat(rows.get(3)).isEqualTo("序号|户主/姓名|身份证号|救助项目|保障人数|金额（元）|备注");
		assertThat(rows.get(4)).isEqualTo("1|王建国|410102********" + HEAD.substring(14) + "|城市最低生活保障|3|1,380.00|补发2026年10月");
		assertThat(rows.get(8)).isEqualTo("合计（共4条）|4,240.00");
		assertThat(rows).contains("公示期：2026年11月10日至2026年11月16日（7天）。", "监督电话：0371-12345678", "中原区民政局",
				"2026年11月10日");
		NoticeFiles.assertNoFullNumbers(NoticeFiles.xlsxRaw(xlsx));
	}

	@Test
	void thePdfHasTheTitleMaskedIdsAndNoFullNumberAndIsByteStable() throws Exception {
		var notice = PublicNotices.of(RUN, lines(), NAMES, "0371-12345678", 7).get(0).notice();
		Path a = out.resolve("a.pdf");
		Path b = out.resolve("b.pdf");
		new PublicNoticePdf(font).write(notice, a, LocalDate.of(2026, 11, 10), "k");
		new PublicNoticePdf(font).write(notice, b, LocalDate.of(2026, 11, 10), "k");

		assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
		String text = NoticeFiles.pdfText(a);
		assertThat(text).contains("建新社区2026年11月城乡低保等救助对象公示", "410102********" + HEAD.substring(14), "王建国",
				"城市最低生活保障", "1,380.00", "合计（共4条）", "4,240.00", "监督电话：0371-12345678", "第 1 页 共 1 页");
		NoticeFiles.assertNoFullNumbers(text);
		NoticeFiles.assertNoFullNumbers(new String(Files.readAllBytes(a), java.nio.charset.StandardCharsets.ISO_8859_1));
	}

	@Test
	void aLongNoticeRunsOverPagesWithTheHeaderOnEach() throws Exception {
		List<PaymentLineView> many = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			many.add(line(VILLAGE, i % 3 == 0 ? Program.DE_FACTO_CHILD : Program.ELDERLY, "H" + (1000 + i),
					TestData.id(COUNTY, "1940-01-01", 100 + i), "居民" + i, NOV, "100.00", "PAY", null, ""));
		}
		var notice = PublicNotices.of(RUN, many, NAMES, "0371-12345678", 7).get(0).notice();
		Path pdf = out.resolve("long.pdf");
		new PublicNoticePdf(font).write(notice, pdf, LocalDate.of(2026, 11, 10), "k");

		List<String> pages = NoticeFiles.pageTexts(pdf);
		assertThat(pages).hasSizeGreaterThan(2);
		for (int p = 0; p < pages.size(); p++) {
			assertThat(pages.get(p)).contains("第 " + (p + 1) + " 页 共 " + pages.size() + " 页");
			if (pages.get(p).contains("居民")) {
				assertThat(pages.get(p)).contains("身份证号", "救助项目");
			}
		}
		assertThat(String.join("", pages)).contains("居民119", "合计（共120条）", "12,000.00");
		assertThat(pages.get(pages.size() - 1)).contains("监督电话", "中原区民政局");
		keep(pdf, "public-notice-long", 0);
		keep(pdf, "public-notice-long", pages.size() - 2);
	}

	@Test
	void theDocumentNumberFollowsTheConfiguredPattern() {
		List<StopView> stops = List.of(new StopView(7, COUNTY, Program.ELDERLY, "H1", ELDER, "李秀英", YearMonth.of(2026, 10),
				StopReason.DECEASED));
		assertThat(StopNotices.of(RUN, stops, NAMES, "x", "{county-code}民停〔{year}〕{seq}号").get(0).documentNumber())
			.isEqualTo("410102民停〔2026〕001号");
		assertThat(StopNotices.of(RUN, stops, NAMES, "x").get(0).documentNumber()).isEqualTo("〔2026〕中原区民救停字第11001号");
	}

	/**
	 * Issue 14: a notice whose closing part (totals, period, how to object, issuer) would spill onto a page
	 * of its own takes the table's last rows with it — for every length of table around a page break.
	 */
	@Test
	void theClosingPartOfAPublicNoticeNeverStandsAloneOnAPage() throws Exception {
		boolean moved = false;
		for (int n = 20; n <= 75; n++) {
			List<PaymentLineView> many = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				many.add(line(VILLAGE, Program.ELDERLY, "H" + (1000 + i), TestData.id(COUNTY, "1940-01-01", 100 + i), "居民" + i,
						NOV, "100.00", "PAY", null, ""));
			}
			var notice = PublicNotices.of(RUN, many, NAMES, "0371-12345678", 7).get(0).notice();
			Path pdf = out.resolve("n" + n + ".pdf");
			new PublicNoticePdf(font).write(notice, pdf, LocalDate.of(2026, 11, 10), "k");
			List<String> pages = NoticeFiles.pageTexts(pdf);
			String last = pages.get(pages.size() - 1);
			assertThat(last).as("%d rows", n).contains("监督电话", "合计（共" + n + "条）", "居民" + (n - 1), "序号");
			if (pages.size() > 1 && !last.contains("居民" + (n - 4))) {
				// the last rows went over with the closing part, while the page before still has the rows before them
				moved |= pages.get(pages.size() - 2).contains("居民" + (n - 4)) && !last.contains("居民" + (n - 4));
				if (moved) {
					keep(pdf, "public-notice-kept-together", pages.size() - 1);
				}
			}
		}
		assertThat(moved).as("some length puts the break just before the closing part").isTrue();
	}

	@Test
	void stopNoticesArePageByPageWithReasonAppealAndHotline() throws Exception {
		List<StopView> stops = List.of(
				new StopView(7, COUNTY, Program.DIBAO_URBAN, "4101020010010001", HEAD, "王建国", YearMonth.of(2026, 10),
						StopReason.END_MONTH),
				new StopView(7, COUNTY, Program.ELDERLY, "4101020010010002", ELDER, "李秀英", YearMonth.of(2026, 10),
						StopReason.DECEASED),
				new StopView(7, COUNTY, Program.ORPHAN, "4101020010010003", CHILD, "赵小明", null, StopReason.AGED_OUT));
		Path a = out.resolve("stops-a.pdf");
		Path b = out.resolve("stops-b.pdf");
		var notices = StopNotices.of(RUN, stops, NAMES, "0371-12345678");
		new StopNoticesPdf(font).write(notices, a, "t", LocalDate.of(2026, 11, 10), "k");
		new StopNoticesPdf(font).write(notices, b, "t", LocalDate.of(2026, 11, 10), "k");

		assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
		List<String> pages = NoticeFiles.pageTexts(a);
		assertThat(pages).hasSize(6); // each notice, then its receipt of service
		assertThat(pages.get(0)).contains("停止发放社会救助资金告知书", "户主 王建国：", "410102********" + HEAD.substring(14),
				"城市最低生活保障", "保障期满", "2026年10月", "2026年11月起", "申请行政复议", "提起行政诉讼", "0371-12345678",
				"中原区民政局", "2026年11月10日");
		assertThat(pages.get(0)).contains("〔2026〕中原区民救停字第11001号");
		assertThat(pages.get(1)).contains("送达回执", "停止发放社会救助资金告知书", "〔2026〕中原区民救停字第11001号", "户主 王建国",
				"□直接送达", "□留置送达", "受送达人签名（盖章）", "送达人签名", "见证人签名", "拒绝签收");
		assertThat(pages.get(2)).contains("李秀英（已故）家属：", "死亡", "经核查，李秀英享受的高龄津贴", "〔2026〕中原区民救停字第11002号");
		assertThat(pages.get(3)).contains("送达回执", "李秀英（已故）家属", "〔2026〕中原区民救停字第11002号");
		assertThat(pages.get(4)).contains("年满18周岁", "此前无已发放记录", "〔2026〕中原区民救停字第11003号");
		NoticeFiles.assertNoFullNumbers(String.join("\n", pages));
		keep(a, "stop-notice", 0);
		keep(a, "stop-notice", 1);
	}

	/** 䶮 (U+4DAE, CJK Extension A: the main font lacks it) and 𠀾 (U+2003E, Extension B, outside the BMP). */
	static List<PaymentLineView> rareNames() {
		return List.of(line(VILLAGE, Program.ELDERLY, "H1", ELDER, "刘䶮", NOV, "100.00", "PAY", null, "80-89"),
				line(VILLAGE, Program.ORPHAN, "H2", CHILD, "王𠀾华", NOV, "1380.00", "PAY", null, "散居"));
	}

	@Test
	void rareCharactersAreDrawnFromTheFallbackFont() throws Exception {
		assertThat(font.paths()).hasSizeGreaterThan(1); // fonts-hanazono (.ci/run installs it)
		assertThat(font.faceOf(0x4DAE)).isPositive();
		assertThat(font.faceOf(0x2003E)).isPositive();
		assertThat(font.faceOf('刘')).isZero();
		var notice = PublicNotices.of(RUN, rareNames(), NAMES, "x", 7).get(0).notice();
		Path a = out.resolve("rare-a.pdf");
		Path b = out.resolve("rare-b.pdf");

		assertThat(new PublicNoticePdf(font).write(notice, a, LocalDate.of(2026, 11, 10), "k")).isEmpty();
		new PublicNoticePdf(font).write(notice, b, LocalDate.of(2026, 11, 10), "k");

		assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
		assertThat(NoticeFiles.pdfText(a)).contains("刘䶮", "王𠀾华").doesNotContain("?");
		assertThat(NoticeFiles.fontNames(a)).anyMatch(n -> n.contains("WenQuanYi")).anyMatch(n -> n.contains("HanaMin"));
		keep(a, "public-notice-rare", 0);

		var stops = StopNotices.of(RUN, List.of(new StopView(7, COUNTY, Program.ELDERLY, "H1", ELDER, "刘䶮",
				YearMonth.of(2026, 10), StopReason.DECEASED), new StopView(7, COUNTY, Program.ORPHAN, "H2", CHILD, "王𠀾华",
						YearMonth.of(2026, 10), StopReason.AGED_OUT)), NAMES, "x");
		Path stopsPdf = out.resolve("stops-rare.pdf");
		assertThat(new StopNoticesPdf(font).write(stops, stopsPdf, "t", LocalDate.of(2026, 11, 10), "k")).isEmpty();
		assertThat(NoticeFiles.pageTexts(stopsPdf).get(0)).contains("刘䶮（已故）家属：");
		assertThat(NoticeFiles.pageTexts(stopsPdf).get(2)).contains("王𠀾华");
	}

	@Test
	void aNoticeWithoutRareCharactersEmbedsTheMainFontAlone() throws Exception {
		var notice = PublicNotices.of(RUN, lines(), NAMES, "x", 7).get(0).notice();
		Path pdf = out.resolve("plain.pdf");
		new PublicNoticePdf(font).write(notice, pdf, LocalDate.of(2026, 11, 10), "k");
		assertThat(NoticeFiles.fontNames(pdf)).singleElement().asString().contains("WenQuanYi");
	}

	@Test
	void aCharacterNoFontHasIsPrintedAsAQuestionMarkAndReported() throws Exception {
		try (CjkFont mainOnly = CjkFont.open("", CjkFont.NO_FALLBACK)) {
			var notice = PublicNotices.of(RUN, rareNames(), NAMES, "x", 7).get(0).notice();
			Path pdf = out.resolve("rare-main-only.pdf");
			assertThat(new PublicNoticePdf(mainOnly).write(notice, pdf, LocalDate.of(2026, 11, 10), "k"))
				.containsExactly(0x4DAE, 0x2003E);
			assertThat(NoticeFiles.pdfText(pdf)).contains("刘?", "王?华");
		}
		// CJK Extension G (U+30000): neither WenQuanYi nor Hanazono has it
		var notice = PublicNotices.of(RUN, List.of(line(VILLAGE, Program.ELDERLY, "H1", ELDER, "李\uD880\uDC00", NOV,
				"100.00", "PAY", null, "")), NAMES, "x", 7).get(0).notice();
		Path pdf = out.resolve("ext-g.pdf");
		assertThat(new PublicNoticePdf(font).write(notice, pdf, LocalDate.of(2026, 11, 10), "k")).containsExactly(0x30000);
		assertThat(NoticeFiles.pdfText(pdf)).contains("李?");
	}

	@Test
	void aMissingFallbackFontIsAClearError() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> CjkFont.open("", "/nowhere/HanaMinB.ttf"))
			.hasMessageContaining("doudi.notice.fallback-fonts")
			.hasMessageContaining("/nowhere/HanaMinB.ttf");
	}

	/** Keeps a rendered page under target/notice-pages/ for a person to look at. */
	static void keep(Path pdf, String name, int page) throws Exception {
		Path dir = Path.of("target", "notice-pages");
		Files.createDirectories(dir);
		Files.copy(pdf, dir.resolve(name + ".pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		NoticeFiles.png(pdf, page, dir.resolve(name + "-" + (page + 1) + ".png"));
	}
}
