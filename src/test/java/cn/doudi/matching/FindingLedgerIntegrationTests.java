package cn.doudi.matching;

import static cn.doudi.matching.CheckData.ZM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.doudi.support.DoudiIntegrationTest;

/**
 * Findings persist across months (CHECKS.md): not raised twice while open, a dismissal kept for the same
 * evidence, raised again when the evidence changes, RESOLVED when the condition no longer holds, and a
 * re-run of the same month ends in the same state.
 */
@DoudiIntegrationTest
class FindingLedgerIntegrationTests extends CheckTestSupport {

	static final String LI = CheckData.id(ZM, "1975-09-10", 96);

	void poor(String category) {
		data.clear("poverty");
		data.poverty("410122201001", "P1", LI, "李燕", category);
	}

	void dismissAll() {
		jdbc.update("update finding set status = 'DISMISSED', closed_month = last_month where status = 'OPEN'");
	}

	List<Long> linked(long runId) {
		return jdbc.queryForList("select finding_id from run_finding where run_id = ? order by finding_id", Long.class,
				runId);
	}

	@Test
	void anOpenFindingIsNotRaisedTwiceAndEachRunListsIt() {
		poor("脱贫监测人口");

		long oct = data.run(ZM, OCT);
		checks.check(ZM, OCT, oct);
		long nov = data.run(ZM, NOV);
		CheckResult result = checks.check(ZM, NOV, nov);

		assertThat(findings("POVERTY_NOT_COVERED")).containsExactly("POVERTY_NOT_COVERED:" + LI + ":410122::P1:OPEN");
		assertThat(jdbc.queryForObject("select first_month || '..' || last_month from finding", String.class))
			.isEqualTo("2026-10..2026-11");
		assertThat(linked(oct)).isEqualTo(linked(nov)).hasSize(1);
		assertThat(result.opened()).isZero();
		assertThat(result.counts().leads()).isEqualTo(1);
	}

	@Test
	void aDismissedFindingStaysDismissedForTheSameEvidenceAndComesBackWhenItChanges() {
		poor("脱贫监测人口");
		check(ZM, OCT);
		dismissAll();

		long nov = data.run(ZM, NOV);
		checks.check(ZM, NOV, nov);
		assertThat(findings("POVERTY_NOT_COVERED")).containsExactly("POVERTY_NOT_COVERED:" + LI + ":410122::P1:DISMISSED");
		assertThat(linked(nov)).isEmpty();

		poor("未脱贫人口");
		check(ZM, DEC);
		assertThat(findings("POVERTY_NOT_COVERED")).containsExactly("POVERTY_NOT_COVERED:" + LI + ":410122::P1:DISMISSED",
				"POVERTY_NOT_COVERED:" + LI + ":410122::P1:OPEN");
	}

	@Test
	void aFindingWhoseConditionNoLongerHoldsIsResolved() {
		poor("脱贫监测人口");
		check(ZM, OCT);

		poor("已稳定脱贫");
		CheckResult nov = check(ZM, NOV);

		assertThat(findings("POVERTY_NOT_COVERED")).containsExactly("POVERTY_NOT_COVERED:" + LI + ":410122::P1:RESOLVED");
		assertThat(jdbc.queryForObject("select closed_month from finding", String.class)).isEqualTo("2026-11");
		assertThat(nov.resolved()).isEqualTo(1);
	}

	@Test
	void reRunningADraftMonthIsIdempotent() {
		poor("脱贫监测人口");
		check(ZM, OCT);
		poor("已稳定脱贫");
		check(ZM, NOV);

		poor("脱贫监测人口");
		long rerun = data.run(ZM, NOV);
		checks.check(ZM, NOV, rerun);
		checks.check(ZM, NOV, rerun);

		assertThat(findings("POVERTY_NOT_COVERED")).containsExactly("POVERTY_NOT_COVERED:" + LI + ":410122::P1:OPEN");
		assertThat(linked(rerun)).hasSize(1);
	}

	@Test
	void aConfirmedFindingStaysConfirmedAndOpen() {
		poor("脱贫监测人口");
		check(ZM, OCT);
		jdbc.update("update finding set status = 'CONFIRMED'");

		long nov = data.run(ZM, NOV);
		checks.check(ZM, NOV, nov);

		assertThat(findings("POVERTY_NOT_COVERED")).containsExactly("POVERTY_NOT_COVERED:" + LI + ":410122::P1:CONFIRMED");
		assertThat(linked(nov)).hasSize(1);
	}
}
