package cn.doudi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** 12-digit region codes (DOMAIN.md "Words"). */
class RegionCodeTests {

	@Test
	void splitsIntoCountyTownshipAndVillage() {
		RegionCode code = new RegionCode("410122101205");
		assertThat(code.county()).isEqualTo("410122");
		assertThat(code.township()).isEqualTo("410122101");
		assertThat(code.villagePart()).isEqualTo(205);
	}

	@ParameterizedTest
	@CsvSource({ "410102001001, true, false", "410102001199, true, false", "410102001200, false, true",
			"410122101399, false, true", "410122101400, false, false", "410122101000, false, false",
			"410122101999, false, false" })
	void villagePartTellsCommunityFromVillage(String value, boolean urban, boolean rural) {
		RegionCode code = new RegionCode(value);
		assertThat(code.isUrbanCommunity()).isEqualTo(urban);
		assertThat(code.isRuralVillage()).isEqualTo(rural);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "410102", "410102001", "41010200100", "4101020010011", "41010200100A", "４１０１０２００１００１" })
	void theConstructorWantsTwelveAsciiDigits(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> new RegionCode(value));
	}

	@ParameterizedTest
	@CsvSource({ "'４１０１０２００１００１', 410102001001", "' 410102 001 001 ', 410102001001", "'410102\u3000001001', 410102001001" })
	void parseOrNullNormalisesWidthAndSpaces(String raw, String expected) {
		assertThat(RegionCode.parseOrNull(raw)).isEqualTo(new RegionCode(expected));
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "410102", "41010200100X", "4101020010011", "410102-001-001" })
	void parseOrNullIsNullForAnythingElse(String raw) {
		assertThat(RegionCode.parseOrNull(raw)).isNull();
	}

	@Test
	void equalByValue() {
		assertThat(new RegionCode("410102001001")).isEqualTo(new RegionCode("410102001001"))
			.isNotEqualTo(new RegionCode("410102001002"));
	}
}
