package cn.doudi.allowance.rules;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import cn.doudi.allowance.RosterRow;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Program;

/**
 * DISABILITY_LIVING (困难残疾人生活补贴): amount = std(DISABILITY_LIVING, 标准, M) when the person holds a
 * valid certificate (any type and grade) and is a covered member of a DIBAO household of this county
 * with a line in M (regular or gradual exit, PAY or HELD). Otherwise HELD, with
 * {@code DISABILITY_NOT_FOUND} when there is no certificate and {@code LIVING_SUBSIDY_NOT_POOR} when
 * there is no such household line — <b>both codes when both apply</b>, since CHECKS.md raises each
 * finding on its own condition. No {@code 标准} row → no line.
 */
final class DisabilityLivingRule implements PersonRule {

	private final Month month;
	private final DibaoIndex dibao;

	DisabilityLivingRule(Month month, DibaoIndex dibao) {
		this.month = month;
		this.dibao = dibao;
	}

	@Override
	public Program program() {
		return Program.DISABILITY_LIVING;
	}

	@Override
	public PersonDecision decide(RosterRow row) {
		Optional<BigDecimal> standard = month.std(Program.DISABILITY_LIVING, "标准");
		if (standard.isEmpty()) {
			return new PersonDecision.NoLine();
		}
		SortedMap<FindingCode, String> holds = new TreeMap<>(FindingCode.BY_NAME);
		if (month.certificate(row.idNumber()).isEmpty()) {
			holds.put(FindingCode.DISABILITY_NOT_FOUND, "残联数据中无该人员的有效残疾证（身份证号与姓名一致、证件有效）");
		}
		if (dibao.linesCovering(row.idNumber()).isEmpty()) {
			holds.put(FindingCode.LIVING_SUBSIDY_NOT_POOR, "本月（" + month.month() + "）不是本县有发放记录的低保家庭的保障成员");
		}
		return holds.isEmpty() ? new PersonDecision.Pay("标准", standard.get())
				: new PersonDecision.Held("标准", standard.get(), holds);
	}
}
