package cn.doudi.matching;

import java.util.List;

/**
 * What a findings list asks for ({@link FindingSearches}); every field null or empty means "any".
 * {@code counties}: the counties the reader may see (null: every county — a city-wide reader), always
 * applied in the query. {@code statuses}: null for every status. {@code village}: a region code (12 digits a
 * village, 9 a township), matched against the region of the finding's household in the current
 * beneficiary roster. {@code month}: YYYY-MM, the findings live in that month ({@code first_month ≤ M ≤
 * last_month}). {@code text}: a name (part of it), a household number, or an ID number — whole only when
 * {@code wholeIds} (the reader may see whole IDs), else matched as its masked form (the first six and last four
 * characters), so a search never tells more than the list shows. {@code sort}: one of {@link #SORTS}.
 */
public record FindingFilter(List<String> counties, String code, String effect, List<String> statuses, String village,
		String program, String month, String text, boolean wholeIds, String sort, boolean descending) {

	/** The columns a list may be sorted by; anything else sorts in findings.csv order. */
	public static final List<String> SORTS = List.of("id", "county", "code", "effect", "status", "name", "household",
			"first", "last");
}
