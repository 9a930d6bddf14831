package cn.doudi.matching.checks;

import java.util.List;

import cn.doudi.kernel.FindingCode;
import cn.doudi.matching.RaisedFinding;

/** One check of CHECKS.md's catalogue: the findings of its code for the county and month, today. */
public interface Check {

	FindingCode code();

	List<RaisedFinding> run(CheckContext context);
}
