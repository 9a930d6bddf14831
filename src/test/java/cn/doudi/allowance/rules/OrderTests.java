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
}
