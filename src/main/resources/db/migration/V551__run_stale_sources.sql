-- Issue 12 (part 2): the stale-source warning a run carries (summary.xlsx, the run's console page). Taken once,
-- when the run's files are first written, and kept, so that a resumed or repeated write gives the same bytes:
-- one line per stale source, "<source code>\t<last arrival, YYYY-MM-DD Beijing, or empty: never>\t<max age in days>";
-- '' when every watched source was fresh; null when not yet taken (runs before this version).
alter table payroll_run add column stale_sources text;
