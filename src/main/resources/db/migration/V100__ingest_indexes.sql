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
-- The one index of each bulk snapshot table: an upload's rows (of a county). Its values only ever
-- grow (one import id per COPY, a handful of counties), so that it stays small (B-tree deduplication)
-- and cheap to maintain while a COPY appends a million rows. The current_* views find a snapshot's
-- rows through it; a killed import's rows are deleted through it.
create index beneficiary_snapshot on beneficiary (import_id, county);
create index poverty_snapshot on poverty (import_id, county);
create index disability_import on disability (import_id);
