package cn.doudi.ingest.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import cn.doudi.identity.IdNumber;
import cn.doudi.identity.ParsedId;
import cn.doudi.identity.PersonName;
import cn.doudi.ingest.read.RawRow;
import cn.doudi.kernel.Months;

/** The fast paths of validation give what the general paths give. */
class FastPathsTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
	static final int TODAY_NUMBER = 20261123;

	@Test
	void plainTextIsAlreadyNormalised() {
		Random r = new Random(1);
		for (int i = 0; i < 20_000; i++) {
			StringBuilder b = new StringBuilder();
			for (int n = r.nextInt(12); n >= 0; n--) {
				b.append(r.nextBoolean() ? (char) (0x21 + r.nextInt(0x7F - 0x21)) : (char) (0x4E00 + r.nextInt(0x9FFF - 0x4E00 + 1)));
			}
			String s = b.toString();
			assertThat(TextFields.isPlain(s)).isTrue();
			assertThat(Normalizer.normalize(s, Normalizer.Form.NFKC)).isEqualTo(s);
			assertThat(PersonName.normalise(s)).isEqualTo(s);
			assertThat(IdNumber.normalise(s)).isEqualTo(s.replace('x', 'X'));
		}
		for (String s : List.of("张 三", "张\u3000三", "４１０", "买买提•艾力", "a\u00A0b", "x\uFEFF", "劉建華", "\uF900", "")) {
			assertThat(TextFields.isPlain(s) && !s.isEmpty()).as(s).isEqualTo(s.equals("劉建華"));
		}
	}

	@Test
	void theIdFastPathAcceptsExactlyWhatIdNumberParseAcceptsAsAnUnconvertedId() {
		Random r = new Random(2);
		List<String> ids = new java.util.ArrayList<>(List.of("41010220000229001", "41010219000229001", "41010218490101001",
				"41010220261123001", "41010220261124001", "41010219991231001", "41010219990431001", "41010219991301001",
				"41010219990001001", "41010220240229001", "41010221000229001"));
		for (int i = 0; i < 20_000; i++) {
			LocalDate birth = LocalDate.of(1840, 1, 1).plusDays(r.nextInt(70_000));
			ids.add(String.format("41%04d%s%03d", r.nextInt(10_000), birth.toString().replace("-", ""), r.nextInt(1000)));
		}
		int valid = 0;
		for (String body : ids) {
			for (String id : List.of(body + IdNumber.checkDigit(body), body + "0", body + "X", body + "x", body + "5")) {
				ParsedId parsed = IdNumber.parse(id, TODAY);
				boolean expected = parsed instanceof ParsedId.Valid v && v.convertedFrom() == null;
				assertThat(TextFields.isValid18(id, TODAY_NUMBER)).as(id).isEqualTo(expected && id.indexOf('x') < 0);
				valid += expected ? 1 : 0;
			}
		}
		assertThat(valid).isGreaterThan(10_000);
	}

	@Test
	void theAmountFastPathGivesTheCanonicalTextOfTheGeneralPath() {
		Random r = new Random(3);
		List<String> texts = new java.util.ArrayList<>(List.of("0", "0.0", "0.00", "00", "01", "1.", ".5", "900", "900.5",
				"900.50", "900.505", "1,000", "１００", "-1", "123456789012", "1234567890123", "7.1e2", "100元", ""));
		for (int i = 0; i < 5_000; i++) {
			texts.add(r.nextInt(100_000) + (r.nextBoolean() ? "" : "." + r.nextInt(1000)));
		}
		for (String text : texts) {
			for (boolean strict : new boolean[] { false, true }) {
				String fast = NumberFields.plainAmount(text, strict);
				if (fast != null) {
					BigDecimal v = new BigDecimal(text).stripTrailingZeros();
					assertThat(v.scale()).as(text).isLessThanOrEqualTo(2);
					assertThat(v.signum() > 0 || !strict && v.signum() == 0).as(text).isTrue();
					assertThat(fast).as(text).isEqualTo(v.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
				}
			}
		}
		assertThat(NumberFields.plainAmount("900.5", false)).isEqualTo("900.50");
		assertThat(NumberFields.plainAmount("0", true)).isNull();
		assertThat(NumberFields.plainAmount("01", false)).isNull();
	}

	@Test
	void theMonthFastPathGivesWhatTheGeneralPathGives() {
		Schema schema = new Schema();
		ColumnDef month = schema.required("开始月份");
		for (String text : List.of("2026-01", "2026-12", "2026-13", "2026-00", "1949-12", "1950-01", "2200-12", "2201-01",
				"2026-1", "20２6-01", "2026/01", "abcd-ef")) {
			RowContext fast = new RowContext("f.csv", new int[] { 0 }, TODAY, false);
			fast.reset(new RawRow(2, new String[] { text }, null));
			RowContext general = new RowContext("f.csv", new int[] { 0 }, TODAY, false);
			general.reset(new RawRow(2, new String[] { text }, null));
			YearMonth m = DateFields.month(general, month, true);
			assertThat(DateFields.monthText(fast, month, true)).as(text).isEqualTo(m == null ? null : m.toString());
			assertThat(fast.problems()).as(text).isEqualTo(general.problems());
		}
		assertThat(Months.parse("2026-01")).contains(YearMonth.of(2026, 1));
	}

	@Test
	void dibaoHouseholdsAreProvenOnlyWhenEachHasOneHeadOneIncomeAndItsRowsTogether() {
		var urban = cn.doudi.kernel.Program.DIBAO_URBAN;
		var rural = cn.doudi.kernel.Program.DIBAO_RURAL;
		DibaoHouseholds ok = new DibaoHouseholds();
		ok.row(urban, "H1", true, "100.00");
		ok.row(urban, "H1", false, "100.00");
		ok.row(rural, "H1", true, "5.00");
		ok.row(urban, "H2", false, "0.00");
		ok.row(urban, "H2", true, "0.00");
		assertThat(ok.proven()).isTrue();

		DibaoHouseholds noHead = new DibaoHouseholds();
		noHead.row(urban, "H1", false, "100.00");
		noHead.row(urban, "H2", true, "100.00");
		assertThat(noHead.proven()).isFalse();

		DibaoHouseholds twoHeads = new DibaoHouseholds();
		twoHeads.row(urban, "H1", true, "100.00");
		twoHeads.row(urban, "H1", true, "100.00");
		assertThat(twoHeads.proven()).isFalse();

		DibaoHouseholds incomes = new DibaoHouseholds();
		incomes.row(urban, "H1", true, "100.00");
		incomes.row(urban, "H1", false, "100.01");
		assertThat(incomes.proven()).isFalse();

		DibaoHouseholds apart = new DibaoHouseholds();
		apart.row(urban, "H1", true, "100.00");
		apart.row(urban, "H2", true, "100.00");
		apart.row(urban, "H1", false, "100.00");
		assertThat(apart.proven()).as("H1 comes back: the SQL check decides").isFalse();

		DibaoHouseholds many = new DibaoHouseholds();
		for (int i = 0; i < 100_000; i++) {
			many.row(i % 2 == 0 ? urban : rural, "H" + i, true, "1.00");
		}
		assertThat(many.proven()).isTrue();
	}
}
