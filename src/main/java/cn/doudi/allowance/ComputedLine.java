package cn.doudi.allowance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.PaymentKey;
import cn.doudi.kernel.Program;

/**
 * One payment line as the rules compute it (a row of {@code payments.csv}). {@code category} is the
 * standard's category ("" for DIBAO_*, {@code 渐退} for a DIBAO line in gradual exit, "" for TEMP_ASSIST
 * and PRICE_SUBSIDY). {@code reasons} are the holding finding codes, in name order (empty for PAY).
 * {@code payee} is the account the line is paid into. A DIBAO line carries its {@link HouseholdPart}
 * (the next month's run and the stop, arrears and price-subsidy rules read it); other lines have none.
 */
public record ComputedLine(String county, String regionCode, Program program, String category, String householdId,
		String idNumber, String name, YearMonth payMonth, BigDecimal amount, LineStatus status,
		SortedSet<FindingCode> reasons, Payee payee, boolean arrears, @Nullable HouseholdPart household) {

	/** The account a line is paid into: the bank's code and the account on file (digits), its holder's name. */
	public record Payee(String bank, String accountNumber, String accountName) {

		public Payee {
			bank = bank == null ? "" : bank;
			accountNumber = accountNumber == null ? "" : accountNumber;
			accountName = accountName == null ? "" : accountName;
		}
	}

	/**
	 * The household part of a DIBAO line: regular or gradual exit, the amount of its last regular month
	 * (frozen during gradual exit), the gradual-exit month number (0 when regular), and the sorted ID
	 * numbers of the covered members the line was computed for (n is their number).
	 */
	public record HouseholdPart(DibaoPhase phase, BigDecimal regularAmount, int exitMonthNo, List<String> memberIds) {

		public HouseholdPart {
			memberIds = List.copyOf(memberIds);
		}
	}

	/** No reasons (most lines share it): sorted {@link FindingCode#BY_NAME} as every line's reasons are. */
	private static final SortedSet<FindingCode> NO_REASONS = java.util.Collections
		.unmodifiableSortedSet(FindingCode.sortedSet());

	public ComputedLine {
		Objects.requireNonNull(status, "status");
		if (reasons.isEmpty()) {
			reasons = NO_REASONS;
		}
		else {
			SortedSet<FindingCode> sorted = FindingCode.sortedSet();
			sorted.addAll(reasons);
			reasons = java.util.Collections.unmodifiableSortedSet(sorted);
		}
	}

	/** The line's key without the pay month (RULES.md "Lines"). */
	public PaymentKey paymentKey() {
		return PaymentKey.of(program, householdId, idNumber);
	}

	/** The people the line is for: the covered members of a DIBAO line, else the line's own person. */
	public List<String> persons() {
		return household != null ? household.memberIds() : List.of(idNumber);
	}

	/** The holding codes joined by {@code ;} ({@code payments.csv} {@code reason}). */
	public String reasonText() {
		return reasons.isEmpty() ? "" : FindingCode.join(reasons);
	}

	/** The same line with these holding codes: HELD with any, else PAY. */
	public ComputedLine withReasons(SortedSet<FindingCode> codes) {
		return new ComputedLine(county, regionCode, program, category, householdId, idNumber, name, payMonth, amount,
				codes.isEmpty() ? LineStatus.PAY : LineStatus.HELD, codes, payee, arrears, household);
	}

	/** The same line as an arrears line (补发) of its month: always PAY. */
	public ComputedLine asArrears() {
		return new ComputedLine(county, regionCode, program, category, householdId, idNumber, name, payMonth, amount,
				LineStatus.PAY, new TreeSet<>(FindingCode.BY_NAME), payee, true, household);
	}

	public String bank() {
		return payee.bank();
	}

	public String accountNumber() {
		return payee.accountNumber();
	}

	public String accountName() {
		return payee.accountName();
	}

	/** n, the covered members of a DIBAO line; null for other lines. */
	public @Nullable Integer members() {
		return household == null ? null : household.memberIds().size();
	}

	public @Nullable DibaoPhase phase() {
		return household == null ? null : household.phase();
	}

	public @Nullable BigDecimal regularAmount() {
		return household == null ? null : household.regularAmount();
	}

	public @Nullable Integer exitMonthNo() {
		return household == null ? null : household.exitMonthNo();
	}

	/** The covered members of a DIBAO line (sorted ID numbers); empty for other lines. */
	public List<String> memberIds() {
		return household == null ? List.of() : household.memberIds();
	}
}
