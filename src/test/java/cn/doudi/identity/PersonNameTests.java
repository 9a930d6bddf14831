package cn.doudi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.ibm.icu.text.Transliterator;

/** Names as CHECKS.md "Matching people" compares them. */
class PersonNameTests {

	@Nested
	class Normalise {

		@ParameterizedTest
		@ValueSource(strings = { "王建国", " 王建国 ", "王 建 国", "王\u3000建国", "\t王建国\n", "\uFEFF王建国", "王\u200B建国",
				"王\u00A0建国" })
		void trimsAndRemovesEverySpace(String raw) {
			assertThat(PersonName.normalise(raw)).isEqualTo("王建国");
		}

		@ParameterizedTest
		@ValueSource(strings = { "买买提·艾力", "买买提•艾力", "买买提・艾力", "买买提‧艾力", "买买提⋅艾力", "买买提･艾力", "买买提∙艾力",
				"买买提 · 艾力", "买买提\u0387艾力" })
		void unifiesMiddleDots(String raw) {
			assertThat(PersonName.normalise(raw)).isEqualTo("买买提·艾力");
			assertThat(PersonName.matches(raw, "买买提·艾力")).isTrue();
		}

		@Test
		void fullWidthLettersAndDigitsAreHalfWidth() {
			assertThat(PersonName.normalise("ＡＢＣ１")).isEqualTo("ABC1");
			assertThat(PersonName.normalise("王＊明")).isEqualTo("王*明");
		}

		@Test
		void keepsTraditionalCharactersForDisplay() {
			assertThat(PersonName.normalise("劉德華")).isEqualTo("劉德華");
		}

		@Test
		void nullIsEmptyAndEmptyNeverMatches() {
			assertThat(PersonName.normalise(null)).isEmpty();
			assertThat(PersonName.matchKey(null)).isEmpty();
			assertThat(PersonName.matches(null, null)).isFalse();
			assertThat(PersonName.matches("", "")).isFalse();
			assertThat(PersonName.matches(" ", "\u3000")).isFalse();
		}
	}

	@Nested
	class TraditionalToSimplified {

		@ParameterizedTest
		@CsvSource({ "劉德華, 刘德华", "張, 张", "張秀蘭, 张秀兰", "陳國強, 陈国强", "趙麗華, 赵丽华", "黃鳳英, 黄凤英", "鄭偉, 郑伟",
				"馮嬌, 冯娇", "楊進寶, 杨进宝", "吳愛國, 吴爱国", "錢鐵柱, 钱铁柱", "蘇東坡, 苏东坡" })
		void traditionalMatchesSimplified(String traditional, String simplified) {
			assertThat(PersonName.matchKey(traditional)).isEqualTo(simplified);
			assertThat(PersonName.matches(traditional, simplified)).isTrue();
			assertThat(PersonName.matches(simplified, traditional)).isTrue();
		}

		@ParameterizedTest
		@ValueSource(strings = { "王建国", "李秀英", "张伟", "刘德华", "马玉兰", "欧阳娜娜", "阿依古丽·买买提" })
		void simplifiedNamesAreTheirOwnKey(String name) {
			assertThat(PersonName.matchKey(name)).isEqualTo(name);
		}

		@Test
		void mixedWidthSpacesDotsAndScriptTogether() {
			assertThat(PersonName.matches(" 阿依古麗 ・買買提 ", "阿依古丽·买买提")).isTrue();
		}
	}

	@Nested
	class Placeholders {

		@ParameterizedTest
		@ValueSource(strings = { "王*明", "王?明", "王□明", "王＊明", "王？明" })
		void aPlaceholderMatchesAnyOneCharacter(String withPlaceholder) {
			assertThat(PersonName.matches(withPlaceholder, "王喆明")).isTrue();
			assertThat(PersonName.matches("王喆明", withPlaceholder)).isTrue();
			assertThat(PersonName.matches(withPlaceholder, "王小明")).isTrue();
			assertThat(PersonName.matchKey(withPlaceholder)).isEqualTo("王*明");
		}

		@Test
		void aPlaceholderStandsForOneCharacterOnly() {
			assertThat(PersonName.matches("王*明", "王明")).isFalse();
			assertThat(PersonName.matches("王*明", "王小小明")).isFalse();
			assertThat(PersonName.matches("王*", "王喆明")).isFalse();
		}

		@Test
		void otherCharactersMustStillMatch() {
			assertThat(PersonName.matches("王*明", "李喆明")).isFalse();
			assertThat(PersonName.matches("王*明", "王喆亮")).isFalse();
			assertThat(PersonName.matches("王□明", "王＊明")).isTrue();
		}

		@Test
		void aPlaceholderMatchesACharacterOutsideTheBasicPlane() {
			// 𠮷 (U+20BB7) is one character of two UTF-16 units
			assertThat(PersonName.matches("王*明", "王𠮷明")).isTrue();
			assertThat(PersonName.matches("王**明", "王𠮷明")).isFalse();
			assertThat(PersonName.matches("王𠮷明", "王𠮷明")).isTrue();
		}
	}

	/** 生僻字: 䶮 (U+4DAE, CJK Extension A, not in GBK) and 𠀾 (U+2003E, Extension B, two UTF-16 units). */
	@Nested
	class RareCharacters {

		@Test
		void areKeptAsTheyAreByNormalisation() {
			assertThat(PersonName.normalise(" 刘\u3000䶮 ")).isEqualTo("刘䶮");
			assertThat(PersonName.normalise("王 𠀾 华")).isEqualTo("王𠀾华");
			assertThat(PersonName.matchKey("王𠀾华")).isEqualTo("王𠀾华");
			assertThat(PersonName.normalise("阿𠀾•买买提")).isEqualTo("阿𠀾·买买提");
		}

		@Test
		void matchByCodePoint() {
			assertThat(PersonName.matches("王𠀾华", "王𠀾华")).isTrue();
			assertThat(PersonName.matches("刘䶮", "劉䶮")).isTrue();
			// same UTF-16 length, different characters: 𠀾 (D840 DC3E) against 𠀿 (D840 DC3F) and against two BMP characters
			assertThat(PersonName.matches("王𠀾华", "王𠀿华")).isFalse();
			assertThat(PersonName.matches("王𠀾华", "王小明华")).isFalse();
			assertThat(PersonName.matches("王𠀾", "王䶮")).isFalse();
		}

		@Test
		void aPlaceholderFromASystemWithoutTheCharacterStandsForIt() {
			// another agency's GBK system writes the rare character as ? or *
			assertThat(PersonName.matches("王?华", "王𠀾华")).isTrue();
			assertThat(PersonName.matches("刘*", "刘䶮")).isTrue();
			assertThat(PersonName.matches("王??华", "王𠀾华")).isFalse();
		}
	}

	/**
	 * {@link PersonName#matchKey} remembers the keys it worked out: a remembered key is the key worked out
	 * afresh, and both are what the rules say (normalise, ICU traditional → simplified, placeholders as
	 * {@code *}, written out again here), for rare characters, mixed widths, separators and placeholders —
	 * also once the remembered keys were forgotten for being too many.
	 */
	@Nested
	class RememberedKeys {

		static final List<String> NAMES = List.of("刘䶮", "劉䶮", " 刘\u3000䶮 ", "王𠀾华", "王 𠀾 華", "王?华", "王＊明", "王□明",
				"王*明", "买买提·艾力", "买买提•艾力", "阿𠀾・买买提", "ＷＡＮＧ　Ｌｉ", "Wang Li", "王\u200B建国", "\uFEFF王建国", "張偉",
				"张伟", "王后", "王后明", "單于燕", "于飛", "乾隆", "郑\uFA10", "﨑山", "", " ", "\u3000", "𠮷", "王\uD840五", "李 · 四");

		/** The rules of CHECKS.md "Matching people", with no remembered key. */
		static String expectedKey(String raw) {
			String simplified = Transliterator.getInstance("Traditional-Simplified").transliterate(PersonName.normalise(raw));
			StringBuilder out = new StringBuilder();
			simplified.codePoints().forEach(cp -> out.appendCodePoint("*?□＊？".indexOf(cp) >= 0 ? '*' : cp));
			return out.toString();
		}

		static boolean expectedMatch(String a, String b) {
			int[] x = expectedKey(a).codePoints().toArray();
			int[] y = expectedKey(b).codePoints().toArray();
			if (x.length != y.length || x.length == 0) {
				return false;
			}
			for (int i = 0; i < x.length; i++) {
				if (x[i] != y[i] && x[i] != '*' && y[i] != '*') {
					return false;
				}
			}
			return true;
		}

		@Test
		void aRememberedKeyIsTheKeyWorkedOutAfresh() {
			for (String name : NAMES) {
				String expected = expectedKey(name);
				assertThat(PersonName.computeMatchKey(name)).as(name).isEqualTo(expected);
				assertThat(PersonName.matchKey(name)).as(name).isEqualTo(expected);
				assertThat(PersonName.matchKey(new String(name))).as("asked again: %s", name).isEqualTo(expected);
			}
			assertThat(PersonName.matchKey("劉䶮")).isEqualTo("刘䶮");
			assertThat(PersonName.matchKey("王 𠀾 華")).isEqualTo("王𠀾华");
			assertThat(PersonName.matchKey("ＷＡＮＧ　Ｌｉ")).isEqualTo("WANGLi");
			assertThat(PersonName.matchKey(null)).isEmpty();
		}

		@Test
		void matchesAsTheRulesSayOnEveryPair() {
			for (String a : NAMES) {
				for (String b : NAMES) {
					assertThat(PersonName.matches(a, b)).as("%s / %s", a, b).isEqualTo(expectedMatch(a, b));
				}
				assertThat(PersonName.matches(a, null)).isFalse();
				assertThat(PersonName.matches(null, a)).isFalse();
			}
			assertThat(PersonName.matches("王?华", "王𠀾華")).isTrue();
			assertThat(PersonName.matches("王𠀾华", "王𠀿华")).isFalse();
		}

		@Test
		void tooManyNamesAreForgottenAndStillGiveTheirKeys() {
			Random random = new Random(17);
			String chars = "王李张刘劉陈陳杨楊国國华華䶮𠀾*？ 　·•";
			List<String> asked = new ArrayList<>();
			int most = 0;
			for (int i = 0; i < PersonName.CACHED_KEYS + 5_000; i++) {
				String name = i % 50 == 0 ? i + randomName(random, chars) : Integer.toString(i);
				asked.add(name);
				PersonName.matchKey(name);
				most = Math.max(most, PersonName.rememberedKeys());
			}
			assertThat(most).isEqualTo(PersonName.CACHED_KEYS);
			assertThat(PersonName.rememberedKeys()).isLessThan(PersonName.CACHED_KEYS);
			for (int i = 0; i < asked.size(); i += 50) {
				String name = asked.get(i);
				assertThat(PersonName.matchKey(name)).as(name).isEqualTo(expectedKey(name));
			}
		}

		private static String randomName(Random random, String chars) {
			int[] cps = chars.codePoints().toArray();
			StringBuilder sb = new StringBuilder();
			for (int i = 2 + random.nextInt(3); i > 0; i--) {
				sb.appendCodePoint(cps[random.nextInt(cps.length)]);
			}
			return sb.toString();
		}
	}

	@Nested
	class Invisible {

		@ParameterizedTest
		@ValueSource(strings = { "王\n五", "王\r五", "王\t五", "王\u0007五", "王\u0085五", "王\u2028五", "王\u2029五",
				"王\u200E五", "王\u2060五", "王\uD840五" })
		void controlFormatAndSeparatorCharactersAreFound(String text) {
			assertThat(PersonName.firstInvisible(text)).isEqualTo(text.charAt(1));
		}

		@ParameterizedTest
		@ValueSource(strings = { "王五", "王𠀾华", "刘䶮", "买买提·艾力", "ABC", "" })
		void printableNamesHaveNone(String text) {
			assertThat(PersonName.firstInvisible(text)).isEqualTo(-1);
		}

		@Test
		void namesTheCodePoint() {
			assertThat(PersonName.codePoint(0x2003E)).isEqualTo("U+2003E");
			assertThat(PersonName.codePoint('\n')).isEqualTo("U+000A");
		}
	}

	@Nested
	class DifferentNames {

		@ParameterizedTest
		@CsvSource({ "王建国, 王建", "王建国, 王建国强", "王建国, 王建军", "王秀英, 王秀兰", "张伟, 章伟", "李娜, 李那",
				"买买提·艾力, 买买提艾力" })
		void doNotMatch(String a, String b) {
			assertThat(PersonName.matches(a, b)).isFalse();
			assertThat(PersonName.matches(b, a)).isFalse();
		}

		@Test
		void matchingIsSymmetricAndReflexiveOnGeneratedNames() {
			Random random = new Random(7);
			String chars = "王李张刘陈杨赵黄周吴建国秀英玉兰德华明伟芳娟军强劉張陳楊趙黃吳國蘭華偉軍強*□";
			for (int i = 0; i < 5_000; i++) {
				String a = randomName(random, chars);
				String b = randomName(random, chars);
				assertThat(PersonName.matches(a, b)).as("%s / %s", a, b).isEqualTo(PersonName.matches(b, a));
				assertThat(PersonName.matches(a, a)).isTrue();
				if (PersonName.matchKey(a).equals(PersonName.matchKey(b))) {
					assertThat(PersonName.matches(a, b)).isTrue();
				}
				if (a.codePointCount(0, a.length()) != b.codePointCount(0, b.length())) {
					assertThat(PersonName.matches(a, b)).isFalse();
				}
			}
		}

		private static String randomName(Random random, String chars) {
			int length = 2 + random.nextInt(3);
			StringBuilder sb = new StringBuilder();
			for (int i = 0; i < length; i++) {
				sb.append(chars.charAt(random.nextInt(chars.length())));
			}
			return sb.toString();
		}
	}
}
