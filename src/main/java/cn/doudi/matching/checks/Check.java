package cn.doudi.matching.checks;

import java.util.List;

import cn.doudi.kernel.FindingCode;
import cn.doudi.matching.RaisedFinding;

/**
 * One check of CHECKS.md's catalogue, in two halves: {@link #read} queries today's records the check needs
 * for a county (the database side, once, whatever the months decided), {@link #decide} is the pure decision
 * over those records for one month — so the same records give the findings of run M and the HOLD conditions
 * of every earlier month the arrears look back on, and a decision is tested without a database.
 *
 * @param <R> the records the check reads
 */
public interface Check<R> {

	FindingCode code();

	/** Today's records for the reader's county, enough to decide each of the reader's months. */
	R read(CheckReader reader);

	/** The findings of the code for the county and month, from the records: a pure function. */
	List<RaisedFinding> decide(R records, CheckMonth month);

	/** Reads and decides one month (the check step of a run). */
	default List<RaisedFinding> run(CheckReader reader, CheckMonth month) {
		return decide(read(reader), month);
	}
}
