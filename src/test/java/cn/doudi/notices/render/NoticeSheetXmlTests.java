package cn.doudi.notices.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The public notice's XLSX with its sheet and strings written as text ({@link NoticeSheetXml}) has POI's bytes:
 * for notices with rare characters (Extension A, and B as a surrogate pair), repeated and empty texts, no row
 * at all, a price-subsidy footer line or none, amounts from 0.01 to tens of millions and hundreds of rows; a
 * notice with a text that XML escapes goes through POI whole.
 */
class NoticeSheetXmlTests {

	private static final List<String> FOOTER = List.of("公示期：2026年11月10日至2026年11月16日（7天）。",
			"公示期间，对公示对象或金额有异议的，可向所在乡镇（街道）或中原区民政局反映，我们将依法依规核实处理，并为反映人保密。",
			"监督电话：0371-12345678");

	private static PublicNotice notice(String title, List<NoticeRow> rows, List<String> footer) {
		BigDecimal total = rows.stream().map(NoticeRow::amount).reduce(new BigDecimal("0.00"), BigDecimal::add);
		return new PublicNotice(title, "根据《社会救助暂行办法》……现将" + title + "予以公示，接受群众监督。", "区划：中原区 林山寨街道 建新社区",
				rows, total, footer, "中原区民政局", "2026年11月10日");
	}

	private static NoticeRow row(String name, String id, String program, int members, String amount, String remark) {
		return new NoticeRow(name, id, program, members, new BigDecimal(amount), remark);
	}

	private static void assertPoisBytes(PublicNotice notice) {
		assertThat(PublicNoticeWorkbook.plain(notice)).as("written as text").isTrue();
		assertThat(PublicNoticeWorkbook.bytes(notice)).isEqualTo(PublicNoticeWorkbook.withPoi(notice));
	}

	@Test
	void aSmallNoticeWithRareCharactersAndEmptyRemarksHasPoisBytes() {
		List<NoticeRow> rows = List.of(row("王建国", "410102********0011", "城市最低生活保障", 3, "1380.00", ""),
				row("王建国", "410102********0011", "城市最低生活保障", 3, "1380.00", "补发2026年10月"),
				row("刘䶮", "410102********0021", "高龄津贴", 1, "100.00", "渐退期；补发2026年10月"),
				row("王𠀾华", "410102********003X", "孤儿基本生活费", 1, "0.01", ""));
		assertPoisBytes(notice("建新社区2026年11月城乡低保等救助对象公示", rows, FOOTER));
	}

	@Test
	void aNoticeWithoutRowsAndOneWithAPriceSubsidyLineHavePoisBytes() {
		assertPoisBytes(notice("410102001009 2026年11月城乡低保等救助对象公示", List.of(), FOOTER));
		List<String> withSubsidy = new ArrayList<>(FOOTER);
		withSubsidy.add(0, "本月另随以上保障对象发放价格临时补贴12人次，金额合计612.00元，不另列明细。");
		assertPoisBytes(notice("建新社区2026年11月城乡低保等救助对象公示",
				List.of(row("李秀英", "410102********0021", "高龄津贴", 1, "100.00", "")), withSubsidy));
	}

	@Test
	void hundredsOfRowsOfAnyAmountHavePoisBytes() {
		Random random = new Random(15);
		String[] programs = { "城市最低生活保障", "农村最低生活保障", "特困人员救助供养", "高龄津贴", "困难残疾人生活补贴", "临时救助" };
		String[] names = { "张三", "李四", "王五", "赵六", "刘䶮", "王𠀾华", "欧阳娜娜" };
		List<NoticeRow> rows = new ArrayList<>();
		for (int i = 0; i < 700; i++) {
			long fen = switch (i % 4) {
				case 0 -> random.nextInt(100);
				case 1 -> random.nextInt(1_000_000);
				case 2 -> 100L * random.nextInt(5000);
				default -> random.nextLong(10_000_000_000L);
			};
			rows.add(new NoticeRow(names[random.nextInt(names.length)] + (i % 50 == 0 ? "" : i / 50),
					String.format("4101%02d********%04d", i % 7, random.nextInt(10_000)), programs[i % programs.length],
					1 + random.nextInt(6), BigDecimal.valueOf(fen, 2), i % 3 == 0 ? "补发2026年" + (1 + i % 12) + "月" : ""));
		}
		assertPoisBytes(notice("建新社区2026年11月城乡低保等救助对象公示", rows, FOOTER));
	}

	@Test
	void aNoticeWithATextXmlEscapesGoesThroughPoiAndReadsBack() throws Exception {
		for (String name : List.of("A&B", "<王>", " 王五", "王五 ", "王\u0001五", "王\ud800五", "王\"五")) {
			PublicNotice notice = notice("建新社区2026年11月城乡低保等救助对象公示",
					List.of(row(name, "410102********0011", "城市最低生活保障", 1, "10.00", "")), FOOTER);

			assertThat(PublicNoticeWorkbook.plain(notice)).as(name).isFalse();
			try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(PublicNoticeWorkbook.bytes(notice)))) {
				assertThat(new DataFormatter().formatCellValue(wb.getSheetAt(0).getRow(4).getCell(2)))
					.isEqualTo("410102********0011");
			}
		}
	}
}
