package cn.doudi.allowance.rules;

import cn.doudi.allowance.RosterRow;
import cn.doudi.kernel.Program;

/** The rule of one person program (one line per person): decides an active roster row's line for M. */
interface PersonRule {

	Program program();

	PersonDecision decide(RosterRow row);
}
