package cn.doudi.matching;

/**
 * A finding of a list with the names a person reads: the county's and the household's village (from the
 * current {@code regions} roster; "" when none is imported) and the village's code ("" when the household is not
 * in the current beneficiary roster).
 */
public record ListedFinding(FindingRecord record, String countyName, String villageCode, String villageName) {
}
