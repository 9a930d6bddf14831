package cn.doudi.allowance;

import java.util.Set;

import cn.doudi.kernel.Program;

/**
 * An open HOLD finding from the cross-agency checks, as it touches lines (CHECKS.md, last paragraph of
 * the catalogue):
 * <ul>
 * <li>{@code programs} non-empty: the person's lines of those programs, and for DIBAO_* the household
 * line of which the person is a covered member (or the 户主, for household findings such as
 * ASSETS_DISQUALIFY whose person is the 户主);</li>
 * <li>{@code everyLineOfPerson} (NAME_MISMATCH, DEATH_PROBABLE): every line of the person, and a DIBAO
 * household line when the person is one of its covered members;</li>
 * <li>{@code accountNumber} non-null (SHARED_ACCOUNT): every line paid into that account.</li>
 * </ul>
 * {@code householdId}, when non-null, narrows a {@code programs} hold to the enrollment of that household
 * (EXCLUSIVE_PROGRAMS "the same program in two households": only the later enrollment is held); null
 * touches every household. TEMP_ASSIST lines are held only by the person's own NAME_MISMATCH,
 * DEATH_PROBABLE and SHARED_ACCOUNT.
 */
public record CheckHold(String code, String idNumber, Set<Program> programs, boolean everyLineOfPerson,
		String accountNumber, String householdId) {

	public CheckHold {
		programs = programs == null ? Set.of() : Set.copyOf(programs);
	}

	/** A hold that touches every household of the named programs. */
	public CheckHold(String code, String idNumber, Set<Program> programs, boolean everyLineOfPerson,
			String accountNumber) {
		this(code, idNumber, programs, everyLineOfPerson, accountNumber, null);
	}
}
