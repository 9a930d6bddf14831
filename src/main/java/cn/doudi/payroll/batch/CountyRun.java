package cn.doudi.payroll.batch;

/** One county's run to compute in a partitioned month-end: the county, its run and the run's revision. */
public record CountyRun(String county, long runId, int revision) {

	/** The runs as one identifying job parameter: {@code county:runId:revision,…}, in county order. */
	static String encode(java.util.List<CountyRun> runs) {
		return String.join(",", runs.stream().map(r -> r.county() + ":" + r.runId() + ":" + r.revision()).toList());
	}

	static java.util.List<CountyRun> decode(String runs) {
		return java.util.Arrays.stream(runs.split(",")).map(s -> {
			String[] p = s.split(":");
			return new CountyRun(p[0], Long.parseLong(p[1]), Integer.parseInt(p[2]));
		}).toList();
	}
}
