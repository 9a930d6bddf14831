package cn.doudi.payroll.batch;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

import cn.doudi.matching.CountyRoster;

/**
 * The county's roster rows its check step read (with its people's certificates and death months), handed to the load of the same run in this process
 * ({@link MonthInputsLoader}) instead of being read from the database a second time: the checks read every
 * household of the county's people in any county, which holds every row of the county, in the order the load
 * reads them (the load read and sorted the county's 49,000 rows again at 40,000 households).
 * <p>
 * Held only while the county's job runs: taken once by the load, and dropped when the job ends however it ends
 * ({@link #afterJob}), so a restarted job (a new execution, maybe in another process) reads the database. The
 * load uses the rows only if what they were read from is unchanged ({@link cn.doudi.matching.MatchedRecords#isCurrent}):
 * otherwise, and whenever nothing is held, it reads the county's current roster as before.
 */
@Component
class CheckedRosters implements JobExecutionListener {

	private final Map<Long, CountyRoster> byRun = new ConcurrentHashMap<>();

	/** The check step of run {@code runId} read these rows. */
	void offer(long runId, CountyRoster roster) {
		byRun.put(runId, roster);
	}

	/** The rows the check step of run {@code runId} read for {@code county}, once. */
	Optional<CountyRoster> take(long runId, String county) {
		CountyRoster held = byRun.remove(runId);
		return held != null && held.county().equals(county) ? Optional.of(held) : Optional.empty();
	}

	@Override
	public void afterJob(JobExecution execution) {
		Long runId = execution.getJobParameters().getLong("runId");
		if (runId != null) {
			byRun.remove(runId);
		}
	}
}
