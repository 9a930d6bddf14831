package cn.doudi.matching;

/**
 * A finding as stored (whole ID and account numbers): what the review reads. {@code closedMonth} "" while
 * open; {@code accountNumber} "" unless SHARED_ACCOUNT.
 */
public record FindingRecord(long id, String code, String effect, String status, String county, String idNumber,
		String name, String householdId, String programs, String accountNumber, String detail, String firstMonth,
		String lastMonth, String closedMonth) {
}
