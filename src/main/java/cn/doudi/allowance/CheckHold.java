package cn.doudi.allowance;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Program;

/**
 * A HOLD finding of the cross-agency checks, as it touches lines (CHECKS.md, last paragraph of the
 * catalogue):
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
public record CheckHold(FindingCode code, @Nullable String idNumber, Set<Program> programs, boolean everyLineOfPerson,
		@Nullable String accountNumber, @Nullable String householdId) {

	public CheckHold {
		programs = programs == null ? Set.of() : Set.copyOf(programs);
	}

	/** A hold that touches every household of the named programs. */
	public CheckHold(FindingCode code, @Nullable String idNumber, Set<Program> programs, boolean everyLineOfPerson,
			@Nullable String accountNumber) {
		this(code, idNumber, programs, everyLineOfPerson, accountNumber, null);
	}
}
