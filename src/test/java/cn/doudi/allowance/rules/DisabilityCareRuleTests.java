package cn.doudi.allowance.rules;

import static cn.doudi.allowance.Fixtures.findings;
import static cn.doudi.allowance.Fixtures.id;
import static cn.doudi.allowance.Fixtures.month;
import static cn.doudi.allowance.Fixtures.only;
import static cn.doudi.allowance.Fixtures.row;
import static cn.doudi.kernel.Program.DISABILITY_CARE;
import static org.assertj.core.api.Assertions.assertThat;
import cn.doudi.kernel.FindingCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.Fixtures;
import cn.doudi.allowance.MonthOutcome;

/** RULES.md DISABILITY_CARE: the category from the certificate that counts. */
class DisabilityCareRuleTests {

	static final String PERSON = id("19850808", 81);

	static Fixtures.Inputs table() {
		return month("2026-11").standard(DISABILITY_CARE, "一级", "120.00")
			.standard(DISABILITY_CARE, "二级", "80.00")
			.standard(DISABILITY_CARE, "三级智力精神", "60.00")
			.add(row(DISABILITY_CARE, "C1", PERSON));
	}

	@ParameterizedTest(name = "type {0} grade {1}: {2} {3} {4}")
	@CsvSource({ "4, 1, 一级, 120.00, ''", //
			"1, 2, 二级, 80.00, ''", //
			"5, 3, 三级智力精神, 60.00, ''", //
			"6, 3, 三级智力精神, 60.00, ''", //
			"4, 3, 二级, 80.00, DISABILITY_GRADE_INELIGIBLE", //
			"7, 3, 二级, 80.00, DISABILITY_GRADE_INELIGIBLE", //
			"5, 4, 二级, 80.00, DISABILITY_GRADE_INELIGIBLE", // the county has no 四级智力精神 row
			"4, 4, 二级, 80.00, DISABILITY_GRADE_INELIGIBLE" })
	void categoryFromTheCertificate(int type, int grade, String category, String amount, String reason) {
		MonthOutcome out = table().certificate(PERSON, type, grade).compute();
		ComputedLine line = only(out, DISABILITY_CARE);
		assertThat(line.category()).isEqualTo(category);
		assertThat(line.amount()).isEqualByComparingTo(amount);
		assertThat(line.reasonText()).isEqualTo(reason);
		assertThat(out.findings()).hasSize(reason.isEmpty() ? 0 : 1);
	}

	@Test
	void fourthGradeIntellectualOrMentalWhereTheCountyHasTheRow() {
		ComputedLine line = only(table().standard(DISABILITY_CARE, "四级智力精神", "40.00")
			.certificate(PERSON, 6, 4)
			.compute(), DISABILITY_CARE);
		assertThat(line.category()).isEqualTo("四级智力精神");
		assertThat(line.amount()).isEqualByComparingTo("40.00");
		assertThat(line.reasons()).isEmpty();
	}

	@Test
	void noCertificateHoldsWithDisabilityNotFoundAtTheEntryTier() {
		MonthOutcome out = table().compute();
		ComputedLine line = only(out, DISABILITY_CARE);
		assertThat(line.reasons()).containsExactly(FindingCode.DISABILITY_NOT_FOUND);
		assertThat(line.category()).isEqualTo("二级");
		assertThat(line.amount()).isEqualByComparingTo("80.00");
		assertThat(findings(out, "DISABILITY_NOT_FOUND")).singleElement()
			.satisfies(f -> assertThat(f.programs()).containsExactly(DISABILITY_CARE));
	}

	@Test
	void theMostSevereCertificateCounts() {
		ComputedLine line = only(table().certificate(PERSON, 4, 3).certificate(PERSON, 1, 1).compute(),
				DISABILITY_CARE);
		assertThat(line.category()).isEqualTo("一级");
	}

	@Test
	void onEqualGradesAnIntellectualOrMentalCertificateCounts() {
		ComputedLine line = only(table().certificate(PERSON, 4, 3).certificate(PERSON, 5, 3).compute(),
				DISABILITY_CARE);
		assertThat(line.category()).isEqualTo("三级智力精神");
	}

	@Test
	void disabilityNotFoundForLivingAndCareIsOneFindingNamingBothPrograms() {
		MonthOutcome out = table().standard(cn.doudi.kernel.Program.DISABILITY_LIVING, "标准", "90.00")
			.add(row(cn.doudi.kernel.Program.DISABILITY_LIVING, "C1", PERSON))
			.compute();
		assertThat(findings(out, "DISABILITY_NOT_FOUND")).singleElement()
			.satisfies(f -> assertThat(f.programs()).extracting(Enum::name)
				.containsExactly("DISABILITY_CARE", "DISABILITY_LIVING"));
	}
}
