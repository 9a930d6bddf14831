package cn.doudi.allowance.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import cn.doudi.allowance.CheckHold;
import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.LineStatus;
import cn.doudi.identity.IdNumber;
import cn.doudi.kernel.FindingCode;

/**
 * Applies the HOLD conditions of the cross-agency checks to computed lines, as the last paragraph of
 * CHECKS.md's catalogue says. A line's {@code reasons} are its rule codes plus every touching check
 * code, sorted; any reason makes it HELD, and a held line keeps the amount it would pay.
 * <ul>
 * <li>A hold naming programs touches the person's lines of those programs (only the named household's
 * when the hold names one); for DIBAO_* the household line when the person is one of its covered
 * members or its 户主 (household findings such as ASSETS_DISQUALIFY are the 户主's).</li>
 * <li>NAME_MISMATCH / DEATH_PROBABLE ({@code everyLineOfPerson}) touch every line of the person, and a
 * DIBAO line when the person is a covered member or its 户主.</li>
 * <li>SHARED_ACCOUNT ({@code accountNumber}) touches every line paid into that account (compared with
 * white space removed).</li>
 * <li>TEMP_ASSIST is touched only by the person's own NAME_MISMATCH, DEATH_PROBABLE and SHARED_ACCOUNT
 * ({@link #forTempAssist}); PRICE_SUBSIDY copies its qualifying line's status and reasons.</li>
 * </ul>
 * The one place where a hold meets a line: the month's own lines and the arrears rule's "held now" both
 * ask it.
 */
public final class Holds {

	static final Set<FindingCode> TEMP_ASSIST_CODES = EnumSet.of(FindingCode.NAME_MISMATCH,
			FindingCode.DEATH_PROBABLE, FindingCode.SHARED_ACCOUNT);

	// looked up only, never walked: hash maps (each list keeps the holds' order)
	private final Map<String, List<CheckHold>> byPerson = new HashMap<>();
	private final Map<String, List<CheckHold>> byAccount = new HashMap<>();

	public Holds(List<CheckHold> holds) {
		for (CheckHold h : holds) {
			if (h.accountNumber() != null && !h.accountNumber().isBlank()) {
				byAccount.computeIfAbsent(IdNumber.normalise(h.accountNumber()), k -> new ArrayList<>()).add(h);
			}
			if (h.idNumber() != null) {
				byPerson.computeIfAbsent(h.idNumber(), k -> new ArrayList<>()).add(h);
			}
		}
	}

	/** The check codes that touch the line (its rule codes left out). */
	public SortedSet<FindingCode> touching(ComputedLine line) {
		List<String> persons = new ArrayList<>(line.persons());
		if (!persons.contains(line.idNumber())) {
			persons.add(line.idNumber());
		}
		SortedSet<FindingCode> codes = FindingCode.sortedSet();
		codes.addAll(apply(line.withReasons(FindingCode.sortedSet()), persons).reasons());
		return codes;
	}

	/**
	 * The line with the check codes that touch it added to its rule codes. {@code persons} are the people
	 * the line is for: the covered members and the 户主 of a DIBAO line, else the line's person.
	 */
	ComputedLine apply(ComputedLine line, Collection<String> persons) {
		SortedSet<FindingCode> reasons = null;
		if (!byAccount.isEmpty() && !line.accountNumber().isEmpty()) {
			for (CheckHold h : byAccount.getOrDefault(IdNumber.normalise(line.accountNumber()), List.of())) {
				reasons = add(reasons, line, h.code());
			}
		}
		for (String person : persons) {
			for (CheckHold h : byPerson.getOrDefault(person, List.of())) {
				if (h.everyLineOfPerson() || h.programs().contains(line.program())
						&& (h.householdId() == null || h.householdId().equals(line.householdId()))) {
					reasons = add(reasons, line, h.code());
				}
			}
		}
		if (reasons == null) { // no hold touches the line (most lines): the line itself, when its status follows its codes
			return line.status() == (line.reasons().isEmpty() ? LineStatus.PAY : LineStatus.HELD) ? line
					: line.withReasons(line.reasons());
		}
		return line.withReasons(reasons);
	}

	/** The line's codes with {@code code} added, copied from the line's own at the first hold that touches it. */
	private static SortedSet<FindingCode> add(SortedSet<FindingCode> reasons, ComputedLine line, FindingCode code) {
		SortedSet<FindingCode> r = reasons;
		if (r == null) {
			r = FindingCode.sortedSet();
			r.addAll(line.reasons());
		}
		r.add(code);
		return r;
	}

	/** The codes that hold a TEMP_ASSIST line of the person. */
	SortedSet<FindingCode> forTempAssist(String idNumber) {
		SortedSet<FindingCode> codes = FindingCode.sortedSet();
		for (CheckHold h : byPerson.getOrDefault(idNumber, List.of())) {
			if (TEMP_ASSIST_CODES.contains(h.code())) {
				codes.add(h.code());
			}
		}
		return codes;
	}
}
