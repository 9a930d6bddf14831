package cn.doudi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GB 11643 ID numbers as INPUTS.md validates them and RULES.md computes age(M) from them. The
 * property-style tests draw their bodies from a seeded {@link Random}, so a failure replays.
 */
class IdNumberTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
	private static final long SEED = 20261101L;

	/** The sample ID of GB 11643-1999's own appendix. */
	private static final String STANDARD_EXAMPLE = "11010519491231002X";

	static String randomBody(Random random) {
		LocalDate birth = LocalDate.of(1900, 1, 1).plusDays(random.nextInt(45_000));
		return "410" + String.format("%03d", random.nextInt(1000)) + birth.toString().replace("-", "")
				+ String.format("%03d", random.nextInt(1000));
	}

	static String valid(String body17) {
		return body17 + IdNumber.checkDigit(body17);
	}

	static IdNumber parseValid(String raw) {
		ParsedId parsed = IdNumber.parse(raw, TODAY);
		assertThat(parsed).as(raw).isInstanceOf(ParsedId.Valid.class);
		return ((ParsedId.Valid) parsed).id();
	}

	static ParsedId.Invalid parseInvalid(String raw) {
		ParsedId parsed = IdNumber.parse(raw, TODAY);
		assertThat(parsed).as(raw).isInstanceOf(ParsedId.Invalid.class);
		return (ParsedId.Invalid) parsed;
	}

	@Nested
	class CheckDigit {

		@Test
		void computesTheStandardsOwnExample() {
			assertThat(IdNumber.checkDigit(STANDARD_EXAMPLE.substring(0, 17))).isEqualTo('X');
			assertThat(parseValid(STANDARD_EXAMPLE).value()).isEqualTo(STANDARD_EXAMPLE);
		}

		@ParameterizedTest
		@ValueSource(strings = { "11010519491231002X", "440524188001010014", "410102198001011234" })
		void agreesWithTheIsoFormula(String id) {
			// ISO 7064 MOD 11-2 written independently: the sum over all 18 characters of a_i * 2^(17-i),
			// with X = 10, is 1 modulo 11.
			String body = id.substring(0, 17);
			String full = body + IdNumber.checkDigit(body);
			int sum = 0;
			for (int i = 0; i < 18; i++) {
				char c = full.charAt(i);
				int a = c == 'X' ? 10 : c - '0';
				sum += a * (1 << (17 - i)) % 11;
			}
			assertThat(sum % 11).isEqualTo(1);
		}

		@Test
		void producesEveryCheckCharacterAndVerifiesEach() {
			Random random = new Random(SEED);
			Set<Character> seen = new HashSet<>();
			for (int i = 0; i < 5_000; i++) {
				String body = randomBody(random);
				char check = IdNumber.checkDigit(body);
				seen.add(check);
				IdNumber id = parseValid(body + check);
				assertThat(id.body()).isEqualTo(body);
				assertThat(IdNumber.of(body + check)).isEqualTo(id);
			}
			assertThat(seen).containsExactlyInAnyOrder('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X');
		}

		@Test
		void aBodyWithEachCheckCharacterIsFoundByVaryingTheLastDigits() {
			// for one fixed prefix, the 1,000 sequence numbers reach all eleven check characters
			Set<Character> seen = new HashSet<>();
			for (int seq = 0; seq < 1000; seq++) {
				seen.add(IdNumber.checkDigit("41010219461115" + String.format("%03d", seq)));
			}
			assertThat(seen).hasSize(11);
		}

		@Test
		void detectsEverySingleSubstitution() {
			Random random = new Random(SEED + 1);
			for (int i = 0; i < 300; i++) {
				String id = valid(randomBody(random));
				for (int pos = 0; pos < 18; pos++) {
					for (char c : "0123456789X".toCharArray()) {
						if (c == id.charAt(pos) || (c == 'X' && pos < 17)) {
							continue;
						}
						String changed = id.substring(0, pos) + c + id.substring(pos + 1);
						char expected = IdNumber.checkDigit(changed.substring(0, 17));
						assertThat(changed.charAt(17)).as("%s → %s", id, changed).isNotEqualTo(expected);
					}
				}
			}
		}

		@Test
		void detectsEverySwapOfAdjacentDifferentDigits() {
			Random random = new Random(SEED + 2);
			for (int i = 0; i < 500; i++) {
				String id = valid(randomBody(random));
				for (int pos = 0; pos < 17; pos++) {
					char a = id.charAt(pos);
					char b = id.charAt(pos + 1);
					if (a == b) {
						continue;
					}
					String swapped = id.substring(0, pos) + b + a + id.substring(pos + 2);
					assertThat(IdNumber.parse(swapped, TODAY)).as(swapped).isInstanceOf(ParsedId.Invalid.class);
				}
			}
		}

		@Test
		void aWrongCheckDigitIsRejectedButHasTheRightShape() {
			String body = "41010219461115001";
			char right = IdNumber.checkDigit(body);
			char wrong = right == '0' ? '1' : '0';
			ParsedId.Invalid invalid = parseInvalid(body + wrong);
			assertThat(invalid.rightShape()).isTrue();
			assertThat(invalid.reason()).contains("校验位").contains(String.valueOf(right));
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "1234567890123456", "4101021946111500A" })
		void refusesABodyThatIsNotSeventeenDigits(String body) {
			assertThatIllegalArgumentException().isThrownBy(() -> IdNumber.checkDigit(body));
		}

		@Test
		void ofRefusesInvalidText() {
			assertThatIllegalArgumentException().isThrownBy(() -> IdNumber.of(null));
			assertThatIllegalArgumentException().isThrownBy(() -> IdNumber.of("41010219461115001"));
			assertThatIllegalArgumentException().isThrownBy(() -> IdNumber.of("110105194912310021"));
		}
	}

	@Nested
	class FifteenDigitIds {

		@Test
		void convertsToEighteenDigitsAndKeepsTheOriginal() {
			Random random = new Random(SEED + 3);
			for (int i = 0; i < 2_000; i++) {
				LocalDate birth = LocalDate.of(1900, 1, 1).plusDays(random.nextInt(36_500));
				String old = "4101" + String.format("%02d", random.nextInt(100))
						+ birth.toString().substring(2).replace("-", "") + String.format("%03d", random.nextInt(1000));
				ParsedId parsed = IdNumber.parse(old, TODAY);
				assertThat(parsed).as(old).isInstanceOf(ParsedId.Valid.class);
				ParsedId.Valid valid = (ParsedId.Valid) parsed;
				assertThat(valid.convertedFrom()).isEqualTo(old);
				assertThat(valid.normalised()).isEqualTo(old);
				String converted = valid.id().value();
				assertThat(converted).hasSize(18);
				assertThat(converted.substring(0, 17)).isEqualTo(old.substring(0, 6) + "19" + old.substring(6));
				assertThat(converted.charAt(17)).isEqualTo(IdNumber.checkDigit(converted.substring(0, 17)));
				assertThat(valid.id().birthDate()).isEqualTo(birth);
				// the converted ID parses as itself, with nothing converted
				ParsedId again = IdNumber.parse(converted, TODAY);
				assertThat(again).isEqualTo(new ParsedId.Valid(valid.id(), null));
			}
		}

		@Test
		void aFifteenDigitIdWithAnImpossibleDateHasTheRightShape() {
			ParsedId.Invalid invalid = parseInvalid("410102460230001");
			assertThat(invalid.rightShape()).isTrue();
			assertThat(invalid.reason()).contains("19460230");
		}

		@Test
		void aFifteenCharacterTextWithLettersIsNotAnId() {
			ParsedId.Invalid invalid = parseInvalid("41010246111500X");
			assertThat(invalid.rightShape()).isFalse();
		}
	}

	@Nested
	class Normalisation {

		private final String id = valid("41010219461115001");

		@Test
		void fullWidthDigitsAreHalfWidth() {
			String fullWidth = toFullWidth(id);
			assertThat(fullWidth).isNotEqualTo(id);
			assertThat(parseValid(fullWidth).value()).isEqualTo(id);
			assertThat(parseValid(toFullWidth(STANDARD_EXAMPLE.toLowerCase())).value()).isEqualTo(STANDARD_EXAMPLE);
		}

		@Test
		void lowerCaseXIsUpperCase() {
			assertThat(parseValid("11010519491231002x").value()).isEqualTo(STANDARD_EXAMPLE);
			assertThat(IdNumber.normalise("11010519491231002x")).isEqualTo(STANDARD_EXAMPLE);
		}

		@ParameterizedTest
		@ValueSource(strings = { " 110105 19491231 002X ", "\t110105\u300019491231002X\n", "\uFEFF110105194912310 02X",
				"110105\u00A019491231002X" })
		void spacesAnywhereAreRemoved(String raw) {
			assertThat(parseValid(raw).value()).isEqualTo(STANDARD_EXAMPLE);
		}

		@Test
		void nullAndBlankAreEmpty() {
			assertThat(IdNumber.normalise(null)).isEmpty();
			assertThat(parseInvalid("   ").reason()).isEqualTo("身份证号为空");
			assertThat(parseInvalid(null).rightShape()).isFalse();
		}

		private static String toFullWidth(String s) {
			StringBuilder out = new StringBuilder();
			for (char c : s.toCharArray()) {
				out.append((char) (c + 0xFEE0));
			}
			return out.toString();
		}
	}

	@Nested
	class Rejections {

		@ParameterizedTest
		@CsvSource({ "19460230, 不是有效日期", "19461301, 不是有效日期", "19460001, 不是有效日期", "19461100, 不是有效日期",
				"19450229, 不是有效日期", "20261123, 晚于今天", "20300101, 晚于今天", "18000101, 不合理" })
		void impossibleOrFutureBirthDatesAreRejectedWithTheRightShape(String date, String reason) {
			ParsedId.Invalid invalid = parseInvalid(valid("410102" + date + "001"));
			assertThat(invalid.reason()).contains(date).contains(reason);
			assertThat(invalid.rightShape()).isTrue();
		}

		@Test
		void leapDayAndTodayAreRealDates() {
			assertThat(parseValid(valid("41010220000229001")).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
			assertThat(parseValid(valid("41010220261122001")).birthDate()).isEqualTo(TODAY);
		}

		@ParameterizedTest
		@ValueSource(ints = { 1, 14, 16, 17, 19, 20 })
		void wrongLengthsAreRejectedByLength(int length) {
			String digits = "410102194611150012345".substring(0, length);
			ParsedId.Invalid invalid = parseInvalid(digits);
			assertThat(invalid.rightShape()).isFalse();
			assertThat(invalid.reason()).contains(String.valueOf(length));
		}

		@ParameterizedTest
		@ValueSource(strings = { "41010219461115A01X", "X10102194611150011", "41010219461115001Y", "4101021946111500-1",
				"41010219461115001\u0663" })
		void lettersAndForeignDigitsAreNotAnId(String raw) {
			assertThat(parseInvalid(raw).rightShape()).isFalse();
		}
	}

	@Nested
	class WhatAnIdTells {

		@Test
		void birthDateCountyAndBody() {
			IdNumber id = parseValid(STANDARD_EXAMPLE);
			assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
			assertThat(id.countyCode()).isEqualTo("110105");
			assertThat(id.body()).isEqualTo("11010519491231002");
		}

		@Test
		void sexFromTheSeventeenthDigit() {
			Set<IdNumber.Sex> seen = EnumSet.noneOf(IdNumber.Sex.class);
			for (int d = 0; d <= 9; d++) {
				IdNumber id = IdNumber.of(valid("4101021946111500" + d));
				assertThat(id.sex()).isEqualTo(d % 2 == 1 ? IdNumber.Sex.MALE : IdNumber.Sex.FEMALE);
				seen.add(id.sex());
			}
			assertThat(seen).hasSize(2);
			assertThat(IdNumber.of(STANDARD_EXAMPLE).sex()).isEqualTo(IdNumber.Sex.FEMALE);
		}

		@ParameterizedTest(name = "born {0}: age {2} in {1}")
		@CsvSource({ "1946-11-15, 2026-11, 79", "1946-11-15, 2026-12, 80", "1946-11-01, 2026-11, 80",
				"1946-11-01, 2026-10, 79", "1946-10-31, 2026-11, 80", "1946-12-01, 2026-11, 79",
				"1946-12-01, 2026-12, 80", "2008-11-20, 2026-11, 17", "2008-11-20, 2026-12, 18",
				"2008-12-01, 2026-12, 18", "1926-01-01, 2026-01, 100", "1926-01-02, 2026-01, 99",
				"2000-02-29, 2026-02, 25", "2000-02-29, 2026-03, 26", "2000-02-29, 2028-02, 27",
				"2000-02-29, 2028-03, 28", "2000-03-01, 2026-03, 26", "2026-10-01, 2026-10, 0",
				"2026-10-02, 2026-10, -1" })
		void ageInMonthCountsFullYearsToTheFirstDay(LocalDate birth, YearMonth month, int age) {
			assertThat(IdNumber.ageIn(birth, month)).isEqualTo(age);
			IdNumber id = IdNumber.of(valid("410102" + birth.toString().replace("-", "") + "001"));
			assertThat(id.ageIn(month)).isEqualTo(age);
		}

		@Test
		void ageGrowsByOneEveryTwelveMonthsFromTheBirthMonth() {
			Random random = new Random(SEED + 4);
			for (int i = 0; i < 2_000; i++) {
				LocalDate birth = LocalDate.of(1920, 1, 1).plusDays(random.nextInt(36_000));
				YearMonth firstFull = birth.getDayOfMonth() == 1 ? YearMonth.from(birth)
						: YearMonth.from(birth).plusMonths(1);
				for (int years = 0; years < 100; years += 7) {
					YearMonth birthday = firstFull.plusYears(years);
					assertThat(IdNumber.ageIn(birth, birthday)).as("%s in %s", birth, birthday).isEqualTo(years);
					assertThat(IdNumber.ageIn(birth, birthday.minusMonths(1))).isEqualTo(years - 1);
				}
			}
		}
	}

	@Nested
	class Masking {

		@Test
		void keepsTheFirstSixAndLastFour() {
			// the OUTPUTS.md example (its check digit is not real, mask() does not care)
			assertThat(IdNumber.mask("41020319900101123X")).isEqualTo("410203********123X");
			assertThat(IdNumber.of(STANDARD_EXAMPLE).masked()).isEqualTo("110105********002X");
			assertThat(IdNumber.mask("410203900101123")).isEqualTo("410203*****1123");
		}

		@Test
		void toStringNeverShowsTheWholeId() {
			IdNumber id = IdNumber.of(STANDARD_EXAMPLE);
			assertThat(id.toString()).isEqualTo("110105********002X").doesNotContain("19491231");
		}

		@Test
		void shortOrMissingTextIsFullyMasked() {
			assertThat(IdNumber.mask(null)).isEmpty();
			assertThat(IdNumber.mask("1234567890")).isEqualTo("**********");
			assertThat(IdNumber.mask("")).isEmpty();
		}

		@Test
		void countsCharactersNotUtf16UnitsSoARareCharacterIsNeverCutInHalf() {
			// a mistyped value holding 𠀾 (U+2003E, two UTF-16 units) as its 6th and as its 15th character
			assertThat(IdNumber.mask("41010𠀾19900101123X")).isEqualTo("41010𠀾********123X");
			assertThat(IdNumber.mask("41010219900101𠀾23X")).isEqualTo("410102********𠀾23X");
			String masked = IdNumber.mask("4101021990𠀾0101123X");
			assertThat(masked).isEqualTo("410102*********123X").doesNotContain("\uD840").doesNotContain("\uDC3E");
			assertThat(IdNumber.mask("𠀾𠀾𠀾")).isEqualTo("***");
		}

		@Test
		void everyMaskedIdHasTheSameShape() {
			Random random = new Random(SEED + 5);
			for (int i = 0; i < 1_000; i++) {
				String id = valid(randomBody(random));
				assertThat(IdNumber.mask(id)).matches("\\d{6}\\*{8}\\d{3}[\\dX]").startsWith(id.substring(0, 6))
					.endsWith(id.substring(14));
			}
		}
	}

	@Test
	void aRareCharacterInAnIdIsCountedAsOneCharacter() {
		// 17 characters, one of them outside the BMP (18 UTF-16 units): not an 18-character ID
		ParsedId p = IdNumber.parse("4101021990010112𠀾", LocalDate.of(2026, 11, 1));
		assertThat(p).isInstanceOf(ParsedId.Invalid.class);
		assertThat(((ParsedId.Invalid) p).reason()).contains("含非法字符");
		ParsedId q = IdNumber.parse("410102199001011𠀾", LocalDate.of(2026, 11, 1));
		assertThat(((ParsedId.Invalid) q).reason()).isEqualTo("身份证号应为18位（或15位），实为16位");
		assertThat(IdNumber.normalise(" 4101 02𠀾x ")).isEqualTo("410102𠀾X");
	}

	@Test
	void equalityAndOrderFollowTheNormalisedValue() {
		IdNumber a = parseValid("11010519491231002x");
		IdNumber b = IdNumber.of(STANDARD_EXAMPLE);
		IdNumber c = IdNumber.of(valid("41010219461115001"));
		assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
		assertThat(a.compareTo(c)).isNegative();
		assertThat(a).isNotEqualTo(c).isNotEqualTo(STANDARD_EXAMPLE);
	}
}
