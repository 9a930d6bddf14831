package cn.doudi.allowance;

import static cn.doudi.allowance.Fixtures.findings;
import static cn.doudi.allowance.Fixtures.head;
import static cn.doudi.allowance.Fixtures.id;
import static cn.doudi.allowance.Fixtures.lines;
import static cn.doudi.allowance.Fixtures.member;
import static cn.doudi.allowance.Fixtures.month;
import static cn.doudi.allowance.Fixtures.only;
import static cn.doudi.allowance.Fixtures.row;
import static cn.doudi.kernel.Program.DIBAO_URBAN;
import static cn.doudi.kernel.Program.DISABILITY_CARE;
import static cn.doudi.kernel.Program.DISABILITY_LIVING;
import static cn.doudi.kernel.Program.ELDERLY;
import static cn.doudi.kernel.Program.ORPHAN;
import static cn.doudi.kernel.Program.PRICE_SUBSIDY;
import static cn.doudi.kernel.Program.TEKUN;
import static cn.doudi.kernel.Program.TEMP_ASSIST;
import static org.assertj.core.api.Assertions.assertThat;
import cn.doudi.kernel.FindingCode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import cn.doudi.kernel.Money;

/** Several programs of one county and month through the façade: order, interplay, holds, determinism. */
class MonthRulesTests {

	static final String HEAD = id("19540310", 201); // 72
	static final String WIFE = id("19560101", 202); // 70
	static final String SON = id("19900909", 203); // disabled, grade 2 智力
	static final String TEKUN_MAN = id("19500505", 204);
	static final String OLD = id("19461115", 205); // 79 in 2026-11
	static final String ORPHAN_GIRL = id("20150505", 206);

	/**
	 * A county in 2026-11: DIBAO_URBAN household H10 of 3 (income 900; 高龄 ×2 + 重残 → 1170 + 69 + 69 + 138 =
	 * 1446.00) whose son also has DISABILITY_LIVING and DISABILITY_CARE rows; a TEKUN man; a 79-year-old
	 * ELDERLY; an orphan; a temporary-assistance case; CPI 3.6.
	 */
	static Fixtures.Inputs county() {
		return month("2026-11").workedExampleStandards()
			.standard(TEKUN, "全自理", "897.00")
			.standard(ELDERLY, "80-89", "100.00")
			.standard(DISABILITY_LIVING, "标准", "90.00")
			.standard(DISABILITY_CARE, "一级", "120.00")
			.standard(DISABILITY_CARE, "二级", "80.00")
			.standard(ORPHAN, "散居", "1200.00")
			.cpi("3.6", "2.0")
			.add(head(DIBAO_URBAN, "H10", HEAD, "900.00"), member(DIBAO_URBAN, "H10", WIFE, "900.00").relation("配偶"),
					member(DIBAO_URBAN, "H10", SON, "900.00"), row(DISABILITY_LIVING, "H10", SON),
					row(DISABILITY_CARE, "H10", SON), row(TEKUN, "H9", TEKUN_MAN).category("全自理"),
					row(ELDERLY, "E1", OLD), row(ORPHAN, "O1", ORPHAN_GIRL).category("散居"))
			.certificate(SON, 5, 2)
			.tempAssist(TEKUN_MAN, "LS1", "2026-11", "800.00");
	}

	record Key(String program, String household, String id, String amount, LineStatus status) {
	}

	static List<Key> keys(MonthOutcome out) {
		return out.lines()
			.stream()
			.map(l -> new Key(l.program().name(), l.householdId(), l.idNumber(), Money.format(l.amount()), l.status()))
			.toList();
	}

	@Test
	void computesEveryProgramAndSortsLikePaymentsCsv() {
		MonthOutcome out = county().compute();
		assertThat(keys(out)).containsExactly( //
				new Key("DIBAO_URBAN", "H10", HEAD, "1446.00", LineStatus.PAY),
				new Key("DISABILITY_CARE", "H10", SON, "80.00", LineStatus.PAY),
				new Key("DISABILITY_LIVING", "H10", SON, "90.00", LineStatus.PAY),
				new Key("ELDERLY", "E1", OLD, "100.00", LineStatus.HELD),
				new Key("ORPHAN", "O1", ORPHAN_GIRL, "1200.00", LineStatus.PAY),
				// 690 × 3.6% = 24.84 → 25: DIBAO_URBAN for the household, the urban village for the others
				new Key("PRICE_SUBSIDY", "H10", HEAD, "25.00", LineStatus.PAY),
				new Key("PRICE_SUBSIDY", "H10", WIFE, "25.00", LineStatus.PAY),
				new Key("PRICE_SUBSIDY", "H10", SON, "25.00", LineStatus.PAY),
				new Key("PRICE_SUBSIDY", "H9", TEKUN_MAN, "25.00", LineStatus.PAY),
				new Key("PRICE_SUBSIDY", "O1", ORPHAN_GIRL, "25.00", LineStatus.PAY),
				new Key("TEKUN", "H9", TEKUN_MAN, "897.00", LineStatus.PAY),
				new Key("TEMP_ASSIST", "T-LS1", TEKUN_MAN, "800.00", LineStatus.PAY));
		assertThat(out.findings()).extracting(RuleFinding::code, RuleFinding::idNumber)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(FindingCode.AGE_INELIGIBLE, OLD));
		assertThat(out.ends()).isEmpty();
	}

	@Test
	void theSameInputsInAnyOrderGiveTheSameOutcome() {
		MonthInputs in = county().holdEveryLine("NAME_MISMATCH", SON).build();
		MonthOutcome expected = new MonthRules().compute(in);
		for (int seed = 1; seed <= 5; seed++) {
			List<RosterRow> shuffled = new ArrayList<>(in.roster());
			Collections.shuffle(shuffled, new Random(seed));
			MonthInputs reordered = new MonthInputs(in.county(), in.month(), shuffled, in.deathMonths(),
					in.certificates(), in.economic(), in.previousDibao(), in.endedEnrollments(), in.tempAssist(),
					in.holds(), in.standards(), in.cpi(), in.otherCountyLines());
			assertThat(new MonthRules().compute(reordered)).isEqualTo(expected);
		}
	}

	@Test
	void aNameMismatchOfAMemberHoldsTheHouseholdHisOwnLinesAndTheMembersSubsidies() {
		MonthOutcome out = county().holdEveryLine("NAME_MISMATCH", SON).compute();
		assertThat(only(out, DIBAO_URBAN).reasons()).containsExactly(FindingCode.NAME_MISMATCH);
		assertThat(only(out, DISABILITY_LIVING).reasons()).containsExactly(FindingCode.NAME_MISMATCH);
		assertThat(only(out, DISABILITY_CARE).reasons()).containsExactly(FindingCode.NAME_MISMATCH);
		assertThat(lines(out, PRICE_SUBSIDY)).filteredOn(l -> l.householdId().equals("H10"))
			.hasSize(3)
			.allSatisfy(l -> {
				assertThat(l.status()).isEqualTo(LineStatus.HELD);
				assertThat(l.reasons()).containsExactly(FindingCode.NAME_MISMATCH);
			});
		assertThat(only(out, TEKUN).status()).isEqualTo(LineStatus.PAY);
		assertThat(only(out, TEMP_ASSIST).status()).isEqualTo(LineStatus.PAY);
		// held lines keep their amounts
		assertThat(only(out, DIBAO_URBAN).amount()).isEqualByComparingTo("1446.00");
	}

	@Test
	void aSharedAccountHoldsEveryLinePaidIntoIt() {
		String account = "6222" + TEKUN_MAN.substring(2, 17);
		MonthOutcome out = county().holdAccount(TEKUN_MAN, account).compute();
		assertThat(only(out, TEKUN).reasons()).containsExactly(FindingCode.SHARED_ACCOUNT);
		assertThat(lines(out, PRICE_SUBSIDY)).filteredOn(l -> l.idNumber().equals(TEKUN_MAN))
			.singleElement()
			.satisfies(l -> assertThat(l.reasons()).containsExactly(FindingCode.SHARED_ACCOUNT));
		assertThat(only(out, TEMP_ASSIST).reasons()).containsExactly(FindingCode.SHARED_ACCOUNT); // his own finding
		assertThat(only(out, DIBAO_URBAN).status()).isEqualTo(LineStatus.PAY);
	}

	@Test
	void disabilityLivingFollowsTheHouseholdLine() {
		// the household ended by gradual exit before M: no line, so the son is not poor any more
		MonthOutcome ended = county().ended(DIBAO_URBAN, "H10", "", "2026-10").certificate(SON, 5, 2).compute();
		assertThat(lines(ended, DIBAO_URBAN)).isEmpty();
		assertThat(only(ended, DISABILITY_LIVING).reasons()).containsExactly(FindingCode.LIVING_SUBSIDY_NOT_POOR);
		assertThat(only(ended, DISABILITY_CARE).status()).isEqualTo(LineStatus.PAY);
		assertThat(lines(ended, PRICE_SUBSIDY)).extracting(ComputedLine::idNumber)
			.containsExactly(TEKUN_MAN, ORPHAN_GIRL);
		assertThat(findings(ended, "LIVING_SUBSIDY_NOT_POOR")).singleElement()
			.satisfies(f -> assertThat(f.programs()).containsExactly(DISABILITY_LIVING));
	}

	@Test
	void holdsAreNotRepeatedOrMixedAcrossPeople() {
		MonthOutcome out = county().holdEveryLine("DEATH_PROBABLE", OLD)
			.holdEveryLine("DEATH_PROBABLE", OLD)
			.compute();
		assertThat(only(out, ELDERLY).reasons()).containsExactly(FindingCode.AGE_INELIGIBLE, FindingCode.DEATH_PROBABLE);
		assertThat(out.lines()).filteredOn(l -> !l.idNumber().equals(OLD))
			.allSatisfy(l -> assertThat(l.reasons()).isEmpty());
	}
}
