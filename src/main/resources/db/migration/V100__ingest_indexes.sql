-- Ingest: find an upload's rows quickly (swap, clean-up of a killed import, error reports).
create index import_batch_status on import_batch (status) where status = 'STAGING';
create index import_rejection_file on import_rejection (import_id, file_name, row_no);
create index region_import on region (import_id);
create index standard_import on standard (import_id);
create index cpi_import on cpi (import_id);
create index death_import on death (import_id);
create index marriage_import on marriage (import_id);
create index economic_import on economic (import_id);
create index temp_assist_import on temp_assist (import_id);
-- The one index of each bulk snapshot table: BRIN over (import_id, county). An upload's rows are
-- appended together, so that block ranges hold one or a few (import, county) pairs: the index is a few
-- hundred kB for millions of rows and costs a COPY next to nothing, where a B-tree on the same columns
-- costs about a third more server CPU per row. The current_* views find a snapshot's rows through it
-- (a bitmap of block ranges, rechecked); a killed or rejected import's rows are deleted through it.
-- autosummarize: the block ranges a COPY fills are summarised by autovacuum soon after; until then
-- they are read by every lookup (correct, only slower).
create index beneficiary_snapshot on beneficiary using brin (import_id, county) with (autosummarize = on);
create index poverty_snapshot on poverty using brin (import_id, county) with (autosummarize = on);
create index disability_import on disability using brin (import_id) with (autosummarize = on);
