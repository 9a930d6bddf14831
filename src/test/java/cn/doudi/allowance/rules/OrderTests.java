package cn.doudi.allowance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** OUTPUTS.md sorts by Unicode code point, which differs from Java's UTF-16 order above U+FFFF. */
class OrderTests {

	@Test
	void comparesByCodePointNotByUtf16Unit() {
		String supplementary = "H\uD840\uDC00"; // U+20000 (CJK Extension B)
		String fullWidth = "H\uFF21"; // U+FF21
		assertThat(supplementary.compareTo(fullWidth)).isNegative(); // UTF-16 order
		assertThat(Order.CODE_POINT.compare(supplementary, fullWidth)).isPositive();
		List<String> ids = new ArrayList<>(List.of("H9", "H10", "H1", "H", fullWidth, supplementary));
		ids.sort(Order.CODE_POINT);
		assertThat(ids).containsExactly("H", "H1", "H10", "H9", fullWidth, supplementary);
	}

	@Test
	void decodesCodePointsOnlyWhereUnitsAboveTheSurrogatesDiffer() {
		String loneHigh = "A\uD800"; // a lone surrogate is its own code point, U+D800
		String privateUse = "A\uE000"; // U+E000
		String supplementary = "A\uD800\uDC00"; // U+10000
		String loneThenLetter = "A\uD800B"; // U+D800, then B
		assertThat(Order.CODE_POINT.compare(loneHigh, privateUse)).isNegative();
		assertThat(Order.CODE_POINT.compare(supplementary, privateUse)).isPositive();
		assertThat(Order.CODE_POINT.compare(loneThenLetter, supplementary)).isNegative();
		assertThat(Order.CODE_POINT.compare("A\uFFFF", supplementary)).isNegative();
		List<String> all = new ArrayList<>(List.of(supplementary, "A", privateUse, loneThenLetter, loneHigh, "AB", "A\uFFFF"));
		all.sort(Order.CODE_POINT);
		assertThat(all).containsExactly("A", "AB", loneHigh, loneThenLetter, privateUse, "A\uFFFF", supplementary);
		assertThat(Order.CODE_POINT.compare(null, "")).isZero();
		assertThat(Order.CODE_POINT.compare("H1", "H1")).isZero();
	}
}
