package cn.doudi.payroll.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The month partitioned by county: one partition per county that passed its lock and its order check (the
 * manager's job parameter {@code runs}), named {@code c<county>} (so a restart finds each county's partition
 * again), its ExecutionContext holding the county, month, run and revision, the month's folder (absolute), and its place among the counties.
 */
class CountyPartitioner implements Partitioner {

	static final String COUNTY = "county";
	static final String MONTH = "month";
	static final String RUN_ID = "runId";
	static final String RUN_REVISION = "runRevision";
	static final String COUNTY_NO = "countyNo";
	static final String COUNTY_COUNT = "countyCount";
	/** The month's folder, absolute: where the partition writes the county's files. */
	static final String OUT = "out";

	private final List<CountyRun> runs;
	private final String month;
	private final String out;

	CountyPartitioner(List<CountyRun> runs, String month, String out) {
		this.runs = runs;
		this.month = month;
		this.out = out;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		int no = 0;
		for (CountyRun run : runs) {
			no++;
			ExecutionContext context = new ExecutionContext();
			context.putString(COUNTY, run.county());
			context.putString(MONTH, month);
			context.putString(OUT, out);
			context.putLong(RUN_ID, run.runId());
			context.putInt(RUN_REVISION, run.revision());
			context.putInt(COUNTY_NO, no);
			context.putInt(COUNTY_COUNT, runs.size());
			partitions.put(name(run.county()), context);
		}
		return partitions;
	}

	/** The partition's name: its step execution is {@code countyMonthEndStep:c<county>}. */
	static String name(String county) {
		return "c" + county;
	}
}
