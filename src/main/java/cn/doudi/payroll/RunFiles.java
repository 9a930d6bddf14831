package cn.doudi.payroll;

import java.nio.file.Path;

/**
 * The files of a run that another module keeps (disbursement: the bank files, drafts and finals), at the
 * steps of the run's life where they change. {@link PayrollRuns} calls every step under the county's lock,
 * so at most one process moves a county's files at a time; {@code folder} is where month-end wrote the
 * run's files. Approve stages and commits before anything is in place; revoke sets aside before it
 * commits; {@link #recover} turns whatever a killed process left into what the committed status says.
 */
public interface RunFiles {

	/**
	 * Release and approve: refuses (MonthEndRefusedException, naming the file) a run whose draft files are
	 * missing from {@code folder} or changed since month-end wrote them.
	 */
	void checkDrafts(PayrollRun run, Path folder);

	/**
	 * Inside approve's transaction: writes the run's final files into a staging folder beside them and
	 * records them; nothing in the folder the files are sent from changes yet.
	 */
	void stageFinals(PayrollRun run, Path folder);

	/** After approve committed: moves the staged finals into place and removes the run's drafts. */
	void placeFinals(PayrollRun run, Path folder);

	/** Inside revoke's transaction: moves the run's final files out of the folder files are sent from. */
	void setAsideFinals(PayrollRun run, Path folder);

	/**
	 * Before any change to the county (and when a process starts): completes or undoes the file steps a
	 * killed approve or revoke left, as the run's committed status says — an APPROVED run's staged finals
	 * are moved into place, an unapproved run's staging is removed, an APPROVED run's finals set aside by a
	 * revoke that never committed are put back.
	 */
	void recover(PayrollRun run, Path folder);
}
