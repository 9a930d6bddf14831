package cn.doudi.sampledata;

import java.time.YearMonth;

import cn.doudi.identity.IdNumber;

/**
 * One deliberate feature of the sample data, documented in its README: a planted problem the checks
 * must find, a roster change between months, or a trap that must NOT raise a finding.
 *
 * @param kind what it is
 * @param code the finding, stop or change code the product should show (e.g. {@code NAME_MISMATCH})
 * @param county the county the finding or change belongs to
 * @param idNumber the person's full ID (the README shows it masked)
 * @param name the person's name on our roster
 * @param month the first sample month in which it shows
 * @param where the files that carry the evidence
 * @param expected what the product should do, in words
 */
public record PlantedProblem(Kind kind, String code, String county, String idNumber, String name, YearMonth month,
		String where, String expected) {

	public enum Kind {
		/** A planted problem: a finding, a stop or an overpayment the product must produce. */
		PROBLEM,
		/** A roster change between sample months. */
		CHANGE,
		/** Data that looks odd but must NOT raise a finding (normalisation, legitimate sharing, boundaries). */
		NOT_A_PROBLEM
	}

	public String maskedId() {
		return IdNumber.mask(idNumber);
	}
}
