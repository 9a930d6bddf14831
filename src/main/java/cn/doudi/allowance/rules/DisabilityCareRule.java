package cn.doudi.allowance.rules;

import java.util.Optional;

import cn.doudi.allowance.Certificate;
import cn.doudi.allowance.RosterRow;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Program;

/**
 * DISABILITY_CARE (重度残疾人护理补贴), from the certificate that counts (most severe grade; on equal
 * grades one of type 智力/精神 first, see {@link Month#MOST_SEVERE_FIRST}): grade 1 → {@code 一级},
 * grade 2 → {@code 二级}, grade 3 / 4 of type 智力(5) or 精神(6) → {@code 三级智力精神} /
 * {@code 四级智力精神} only when the county's table has that row in M. Anything else → HELD with
 * DISABILITY_GRADE_INELIGIBLE; no valid certificate → HELD with DISABILITY_NOT_FOUND; both carry the
 * entry tier {@code 二级} and its amount. A paying tier without a row → no line.
 */
final class DisabilityCareRule implements PersonRule {

	static final String ENTRY_TIER = "二级";
	private static final String[] TYPES = { "", "视力", "听力", "言语", "肢体", "智力", "精神", "多重" };
	private static final String[] GRADES = { "", "一级", "二级", "三级", "四级" };

	private final Month month;

	DisabilityCareRule(Month month) {
		this.month = month;
	}

	@Override
	public Program program() {
		return Program.DISABILITY_CARE;
	}

	@Override
	public PersonDecision decide(RosterRow row) {
		Optional<Certificate> cert = month.certificate(row.idNumber());
		if (cert.isEmpty()) {
			return held(FindingCode.DISABILITY_NOT_FOUND, "残联数据中无该人员的有效残疾证（身份证号与姓名一致、证件有效）");
		}
		Optional<String> tier = tier(cert.get());
		if (tier.isEmpty()) {
			return held(FindingCode.DISABILITY_GRADE_INELIGIBLE, "残疾证" + cert.get().certificateNo() + "为" + name(TYPES, cert.get().type())
					+ name(GRADES, cert.get().grade()) + "，不符合护理补贴条件（一、二级，或本县设有标准的三、四级智力/精神残疾）");
		}
		return PersonDecision.payOrNothing(tier.get(), month.std(Program.DISABILITY_CARE, tier.get()));
	}

	/** The category the certificate qualifies for in this county and month, if any. */
	Optional<String> tier(Certificate c) {
		if (c.grade() == 1) {
			return Optional.of("一级");
		}
		if (c.grade() == 2) {
			return Optional.of(ENTRY_TIER);
		}
		boolean intellectualOrMental = c.type() == Certificate.INTELLECTUAL || c.type() == Certificate.MENTAL;
		String category = c.grade() == 3 ? "三级智力精神" : c.grade() == 4 ? "四级智力精神" : null;
		if (intellectualOrMental && category != null && month.std(Program.DISABILITY_CARE, category).isPresent()) {
			return Optional.of(category);
		}
		return Optional.empty();
	}

	private PersonDecision held(FindingCode code, String detail) {
		return month.std(Program.DISABILITY_CARE, ENTRY_TIER)
			.<PersonDecision>map(a -> PersonDecision.Held.of(ENTRY_TIER, a, code, detail))
			.orElseGet(PersonDecision.NoLine::new);
	}

	private static String name(String[] names, int i) {
		return i >= 0 && i < names.length ? names[i] : String.valueOf(i);
	}
}
