package cn.doudi.review;

/**
 * The console's findings list: filters (null or blank: any), sort column ({@code FindingFilter.SORTS}) and page
 * (from 1). {@code county}: null for the reader's own (every county for a city-wide reader); {@code status}
 * null or {@code OPEN} for the open ones (OPEN and CONFIRMED), {@code ALL} for every status.
 */
public record FindingSearch(String county, String code, String effect, String status, String village, String program,
		String month, String text, String sort, boolean descending, int page) {

	/** The columns a list may be sorted by (the matching module's {@code FindingFilter.SORTS}). */
	public static final java.util.List<String> SORTS = cn.doudi.matching.FindingFilter.SORTS;

	/** Rows per page. */
	public static final int PAGE_SIZE = 50;
}
