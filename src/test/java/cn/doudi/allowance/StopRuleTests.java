package cn.doudi.allowance;

import static cn.doudi.allowance.Fixtures.head;
import static cn.doudi.allowance.Fixtures.id;
import static cn.doudi.allowance.Fixtures.member;
import static cn.doudi.allowance.Fixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.doudi.allowance.RunHistory.PastLine;
import cn.doudi.kernel.PaymentKey;
import cn.doudi.kernel.Program;
import cn.doudi.kernel.StopReason;

/** RULES.md "Lines": stops, their reasons in order, and what never stops. */
class StopRuleTests {

	static final String ELDER = id("19400302", 11);
	static final String ORPHAN = id("20081101", 12);
	static final String HEAD = id("19700101", 13);
	static final String CHILD = id("20100101", 14);

	final Map<String, YearMonth> deaths = new HashMap<>();
	final Map<PaymentKey, YearMonth> lastPaid = new HashMap<>(Map.of(PaymentKey.parse("ELDERLY|E1|" + ELDER),
			YearMonth.of(2026, 10), PaymentKey.parse("DIBAO_URBAN|H1"), YearMonth.of(2026, 10)));

	Fixtures.Inputs november() {
		return Fixtures.month("2026-11").workedExampleStandards()
			.standard(Program.ELDERLY, "80-89", "100.00")
			.standard(Program.ORPHAN, "散居", "1200.00")
			.standard(Program.PRICE_SUBSIDY.name(), "x", "2020-01", "0");
	}

	static PastLine elderlyLine() {
		return new PastLine("410102", Program.ELDERLY, "E1", ELDER, "老人", List.of());
	}

	static PastLine dibaoLine(String... members) {
		return new PastLine("410102", Program.DIBAO_URBAN, "H1", HEAD, "户主", List.of(members));
	}

	List<Stop> stops(MonthInputs in, PastLine... previous) {
		MonthOutcome out = new MonthRules().compute(in);
		return StopRule.find(in, out, List.of(previous), deaths, lastPaid);
	}

	@Test
	void aDeathStopsThePersonFromTheMonthAfterWithTheLastPaidMonth() {
		deaths.put(ELDER, YearMonth.of(2026, 10));
		MonthInputs in = november().add(row(Program.ELDERLY, "E1", ELDER).name("老人")).died(ELDER, "2026-10").build();

		assertThat(stops(in, elderlyLine())).singleElement().satisfies(s -> {
			assertThat(s.reason()).isEqualTo(StopReason.DECEASED);
			assertThat(s.lastPaidMonth()).isEqualTo(YearMonth.of(2026, 10));
			assertThat(s.idNumber()).isEqualTo(ELDER);
		});
	}

	@Test
	void aPersonNoLongerOnTheRosterIsRemoved() {
		assertThat(stops(november().build(), elderlyLine())).extracting(Stop::reason)
			.containsExactly(StopReason.REMOVED_FROM_ROSTER);
	}

	@Test
	void deathComesBeforeRemovalFromTheRoster() {
		deaths.put(ELDER, YearMonth.of(2026, 9));
		assertThat(stops(november().build(), elderlyLine())).extracting(Stop::reason)
			.containsExactly(StopReason.DECEASED);
	}

	@Test
	void anEndMonthThatHasPassedStopsTheLine() {
		MonthInputs in = november().add(row(Program.ELDERLY, "E1", ELDER).end("2026-10")).build();
		assertThat(stops(in, elderlyLine())).extracting(Stop::reason).containsExactly(StopReason.END_MONTH);
	}

	@Test
	void anOrphanTurning18IsAgedOut() {
		MonthInputs in = november().add(row(Program.ORPHAN, "O1", ORPHAN).category("散居")).build();
		PastLine previous = new PastLine("410102", Program.ORPHAN, "O1", ORPHAN, "孤儿", List.of());
		assertThat(stops(in, previous)).extracting(Stop::reason).containsExactly(StopReason.AGED_OUT);
	}

	@Test
	void aKeyWithALineThisMonthDoesNotStop() {
		MonthInputs in = november().add(row(Program.ELDERLY, "E1", ELDER)).build();
		assertThat(stops(in, elderlyLine())).isEmpty();
	}

	@Test
	void priceSubsidyAndTempAssistNeverStop() {
		PastLine subsidy = new PastLine("410102", Program.PRICE_SUBSIDY, "E1", ELDER, "老人", List.of());
		PastLine temp = new PastLine("410102", Program.TEMP_ASSIST, "T1", ELDER, "老人", List.of());
		assertThat(stops(november().build(), subsidy, temp)).isEmpty();
	}

	@Test
	void aMemberDeathShrinksTheHouseholdButDoesNotStopIt() {
		deaths.put(CHILD, YearMonth.of(2026, 10));
		MonthInputs in = november().add(head(Program.DIBAO_URBAN, "H1", HEAD, "300.00"),
				member(Program.DIBAO_URBAN, "H1", CHILD, "300.00")).died(CHILD, "2026-10").build();
		assertThat(stops(in, dibaoLine(HEAD, CHILD))).isEmpty();
	}

	@Test
	void aHouseholdStopsAsDeceasedOnlyWhenEveryCoveredMemberIsDead() {
		deaths.put(HEAD, YearMonth.of(2026, 10));
		deaths.put(CHILD, YearMonth.of(2026, 9));
		MonthInputs in = november().add(head(Program.DIBAO_URBAN, "H1", HEAD, "300.00"),
				member(Program.DIBAO_URBAN, "H1", CHILD, "300.00")).died(HEAD, "2026-10").died(CHILD, "2026-09").build();
		assertThat(stops(in, dibaoLine(HEAD, CHILD))).extracting(Stop::reason).containsExactly(StopReason.DECEASED);
	}

	@Test
	void aHouseholdStopsAtTheHeadsEndMonth() {
		MonthInputs in = november().add(head(Program.DIBAO_URBAN, "H1", HEAD, "300.00").end("2026-10"),
				member(Program.DIBAO_URBAN, "H1", CHILD, "300.00")).build();
		assertThat(stops(in, dibaoLine(HEAD, CHILD))).singleElement().satisfies(s -> {
			assertThat(s.reason()).isEqualTo(StopReason.END_MONTH);
			assertThat(s.paymentKey().text()).isEqualTo("DIBAO_URBAN|H1");
			assertThat(s.idNumber()).isEqualTo(HEAD);
		});
	}
}
