package cn.doudi.allowance;

import java.util.Set;

import cn.doudi.kernel.Program;

/**
 * An open HOLD finding from the cross-agency checks, as it touches lines (CHECKS.md, last paragraph of
 * the catalogue):
 * <ul>
 * <li>{@code programs} non-empty: the person's lines of those programs, and for DIBAO_* the household
 * line of which the person is a covered member;</li>
 * <li>{@code everyLineOfPerson} (NAME_MISMATCH, DEATH_PROBABLE): every line of the person, and a DIBAO
 * household line when the person is one of its covered members;</li>
 * <li>{@code accountNumber} non-null (SHARED_ACCOUNT): every line paid into that account.</li>
 * </ul>
 * TEMP_ASSIST lines are held only by the person's own NAME_MISMATCH, DEATH_PROBABLE and SHARED_ACCOUNT.
 */
public record CheckHold(String code, String idNumber, Set<Program> programs, boolean everyLineOfPerson,
		String accountNumber) {
}
