package cn.doudi.matching;

import java.util.Map;

import cn.doudi.kernel.FindingCode;

/**
 * What the check step of one run did: the counts of the mismatch report as the checks alone see them
 * (the rules' own holds are added by {@link CrossChecks#countsFor} once the run is computed), how many
 * findings it opened and resolved, and the open check findings per code.
 */
public record CheckResult(CheckCounts counts, int opened, int resolved, Map<FindingCode, Integer> openByCode) {
}
