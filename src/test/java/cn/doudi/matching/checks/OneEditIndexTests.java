package cn.doudi.matching.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The DEATH_PROBABLE blocking: every body one edit away shares a key; the verification weeds out the rest. */
class OneEditIndexTests {

	static final String BODY = "41010219600315713";

	@Test
	void findsEqualSubstitutedAndSwappedBodies() {
		OneEditIndex<String> index = new OneEditIndex<>();
		index.add("41010219600315714", "substituted");
		index.add("41010219600315173", "swapped");
		index.add(BODY, "equal");
		index.add("41010219600315799", "two edits");
		index.add("51010219600315714", "far");

		assertThat(index.candidates(BODY).stream().filter(v -> !v.equals("far") && !v.equals("two edits")))
			.containsExactlyInAnyOrder("substituted", "swapped", "equal");
		assertThat(OneEditIndex.withinOneEdit(BODY, "41010219600315714")).isTrue();
		assertThat(OneEditIndex.withinOneEdit(BODY, "41010219600315173")).isTrue();
		assertThat(OneEditIndex.withinOneEdit(BODY, "41010219600315799")).isFalse();
		assertThat(OneEditIndex.withinOneEdit(BODY, "41010219600351713")).as("a swap of two other digits").isTrue();
		assertThat(OneEditIndex.withinOneEdit(BODY, "41010219600315371")).as("a rotation").isFalse();
	}

	@Test
	void bodiesOfDeathRecordIds() {
		assertThat(OneEditIndex.body("41010219600315713X")).isEqualTo(BODY);
		assertThat(OneEditIndex.body("410102600315713")).isEqualTo(BODY);
		assertThat(OneEditIndex.body("4101026003157")).isNull();
	}
}
