package cn.doudi.allowance.rules;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import cn.doudi.allowance.ActiveRoster;
import cn.doudi.allowance.Certificate;
import cn.doudi.allowance.MonthInputs;
import cn.doudi.identity.IdNumber;
import cn.doudi.kernel.Program;

/**
 * The month M being computed and the questions every rule asks of it (RULES.md "Arithmetic", "Who is
 * alive", "Enrollment", "Disability certificates"): {@code std}, {@code age(M)}, dead for M, ended by
 * rule, the certificate that counts.
 */
final class Month {

	/**
	 * Among several certificates the most severe grade counts; on equal grades one of type 智力/精神
	 * goes first (it is the one that can qualify for DISABILITY_CARE), then the lower type, then the
	 * certificate number, so the choice never depends on input order.
	 */
	static final Comparator<Certificate> MOST_SEVERE_FIRST = Comparator.comparingInt(Certificate::grade)
		.thenComparing(c -> c.type() == Certificate.INTELLECTUAL || c.type() == Certificate.MENTAL ? 0 : 1)
		.thenComparingInt(Certificate::type)
		.thenComparing(c -> c.certificateNo() == null ? "" : c.certificateNo());

	private final MonthInputs in;
	private final ActiveRoster roster;

	Month(MonthInputs in) {
		this.in = in;
		this.roster = new ActiveRoster(in.month(), in.roster(), in.deathMonths(),
				(row, m) -> in.endedBefore(row.enrollment()));
	}

	/** Who is active in M (RULES.md "Enrollment"): the households and the person programs' rows. */
	ActiveRoster roster() {
		return roster;
	}

	MonthInputs inputs() {
		return in;
	}

	YearMonth month() {
		return in.month();
	}

	String county() {
		return in.county();
	}

	/** {@code std(program, category, M)}: the county's row with the latest effective month ≤ M. */
	Optional<BigDecimal> std(Program program, String category) {
		return in.standards().std(in.county(), program.name(), category, in.month());
	}

	/** {@code PARAM 渐退月数} in force in M (default 6). */
	int gradualExitMonths() {
		return in.standards().gradualExitMonths(in.county(), in.month());
	}

	/** {@code age(M)}: full years between the birth date in the ID number and the first day of M. */
	int age(String idNumber) {
		return IdNumber.of(idNumber).ageIn(in.month());
	}

	/** Dead for M: the earliest matching death month is before M (the death month is paid in full). */
	boolean dead(String idNumber) {
		return in.isDead(idNumber);
	}

	Optional<YearMonth> deathMonth(String idNumber) {
		return Optional.ofNullable(in.deathMonths().get(idNumber));
	}

	/** The certificate that counts for the person (RULES.md "Disability certificates"), if any. */
	Optional<Certificate> certificate(String idNumber) {
		List<Certificate> certs = in.certificates().get(idNumber);
		if (certs == null) {
			return Optional.empty();
		}
		return certs.stream().min(MOST_SEVERE_FIRST);
	}
}
