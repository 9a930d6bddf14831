package cn.doudi.allowance.rules;

import java.math.BigDecimal;

import cn.doudi.allowance.RosterRow;
import cn.doudi.kernel.Money;
import cn.doudi.kernel.Program;

/**
 * 分类施保 (RULES.md DIBAO step 5): a covered member's supplement is round(S × p / 100), p the largest
 * percentage that applies of {@code 分类施保-高龄} (age(M) ≥ 70), {@code 分类施保-重残} (a valid
 * certificate of grade 1 or 2) and {@code 分类施保-未成年} (age(M) < 18); a percentage missing from the
 * table counts as 0, and no percentage that applies gives 0.00.
 */
final class ClassifiedSupplement {

	static final String ELDERLY = "分类施保-高龄";
	static final String SEVERE_DISABILITY = "分类施保-重残";
	static final String MINOR = "分类施保-未成年";

	private final Month month;

	ClassifiedSupplement(Month month) {
		this.month = month;
	}

	BigDecimal of(Program program, BigDecimal standard, RosterRow member) {
		BigDecimal p = BigDecimal.ZERO;
		int age = month.age(member.idNumber());
		if (age >= 70) {
			p = p.max(percent(program, ELDERLY));
		}
		if (month.certificate(member.idNumber()).filter(c -> c.grade() == 1 || c.grade() == 2).isPresent()) {
			p = p.max(percent(program, SEVERE_DISABILITY));
		}
		if (age < 18) {
			p = p.max(percent(program, MINOR));
		}
		return Money.fen(standard.multiply(p).movePointLeft(2));
	}

	private BigDecimal percent(Program program, String category) {
		return month.std(program, category).orElse(BigDecimal.ZERO);
	}
}
