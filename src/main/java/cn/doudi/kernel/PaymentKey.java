package cn.doudi.kernel;

import java.time.YearMonth;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A payment line's key without its pay month (RULES.md "Lines: key"): (program, household) for DIBAO_* —
 * the household is the payee whoever its 户主 is — and (program, household, ID number) for every other
 * program. Within one county it names one enrollment too (the run history of a county, the rule ends).
 * Stored in {@code payment_key} as its {@link #text()}: {@code DIBAO_URBAN|H1} or {@code ELDERLY|E1|4101…}.
 */
public record PaymentKey(Program program, String householdId, @Nullable String idNumber)
		implements Comparable<PaymentKey> {

	public PaymentKey {
		Objects.requireNonNull(program, "program");
		Objects.requireNonNull(householdId, "householdId");
		if (program.perHousehold()) {
			idNumber = null;
		}
		else {
			Objects.requireNonNull(idNumber, "idNumber of a per-person program");
		}
	}

	/** The key of a line of {@code program}: the ID number is dropped for DIBAO_*. */
	public static PaymentKey of(Program program, String householdId, @Nullable String idNumber) {
		return new PaymentKey(program, householdId, program.perHousehold() ? null : idNumber);
	}

	/** Reads the stored form back. */
	public static PaymentKey parse(String text) {
		String[] parts = text.split("\\|", -1);
		Program program = Program.valueOf(parts[0]);
		if (parts.length != (program.perHousehold() ? 2 : 3)) {
			throw new IllegalArgumentException("not a payment key: " + text);
		}
		return new PaymentKey(program, parts[1], program.perHousehold() ? null : parts[2]);
	}

	/** The stored form: {@code program|household} or {@code program|household|id}. */
	public String text() {
		return idNumber == null ? program.name() + '|' + householdId : program.name() + '|' + householdId + '|' + idNumber;
	}

	/** This key in one pay month (a line of that month, paid or not). */
	public InMonth in(YearMonth payMonth) {
		return new InMonth(this, payMonth);
	}

	@Override
	public String toString() {
		return text();
	}

	/** Code-point order of the stored form (as {@code COLLATE "C"} sorts it). */
	@Override
	public int compareTo(PaymentKey other) {
		return text().compareTo(other.text());
	}

	/** A key and a pay month: one line's identity within a county (paid lines, arrears). */
	public record InMonth(PaymentKey key, YearMonth payMonth) {

		public InMonth {
			Objects.requireNonNull(key, "key");
			Objects.requireNonNull(payMonth, "payMonth");
		}
	}
}
