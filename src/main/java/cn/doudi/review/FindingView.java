package cn.doudi.review;

import java.util.List;

/**
 * A finding as the review commands show it. {@code idNumber} and {@code accountNumber} are masked unless
 * the viewer's role may see them whole ({@link FindingReviews#show}); {@code decisions} only in
 * {@code show}.
 */
public record FindingView(long id, String code, String effect, String status, String county, String idNumber,
		String name, String householdId, String programs, String accountNumber, String detail, String firstMonth,
		String lastMonth, String closedMonth, List<Decision> decisions) {

	/** One decision on a finding: who, when, why (and the amount recovered). */
	public record Decision(String decision, String decidedBy, String decidedAt, String note, String amount) {
	}
}
