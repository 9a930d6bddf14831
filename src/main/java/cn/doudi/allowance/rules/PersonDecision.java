package cn.doudi.allowance.rules;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import cn.doudi.kernel.FindingCode;

/** What a person program's rule decides for one active roster row in M. */
sealed interface PersonDecision {

	/** A PAY line (unless a check holds it). */
	record Pay(String category, BigDecimal amount) implements PersonDecision {
	}

	/** A line HELD by rule findings: code → Chinese detail; the amount it would pay, in {@code category}. */
	record Held(String category, BigDecimal amount, SortedMap<FindingCode, String> findings) implements PersonDecision {

		static Held of(String category, BigDecimal amount, FindingCode code, String detail) {
			SortedMap<FindingCode, String> f = new TreeMap<>(FindingCode.BY_NAME);
			f.put(code, detail);
			return new Held(category, amount, f);
		}
	}

	/** No line and no finding (no standard for the category, a top-up of 0.00). */
	record NoLine() implements PersonDecision {
	}

	/** Aged 18: nothing is paid and the enrollment ends (AGED_OUT) in {@code endedMonth}. */
	record AgedOut(YearMonth endedMonth) implements PersonDecision {
	}

	static PersonDecision payOrNothing(String category, Optional<BigDecimal> amount) {
		return amount.<PersonDecision>map(a -> new Pay(category, a)).orElseGet(NoLine::new);
	}
}
