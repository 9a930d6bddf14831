-- Keyed lookups across counties (issue 15, a province of 150 counties): the cross-county checks and the
-- roster loader look up, for one county's people, households and accounts, the rows of every county's
-- current snapshot with the same ID, household or account (matching.roster.CurrentRoster). Through the
-- fenced current_beneficiary view that was one read of every county's snapshot per county (O(counties²)
-- over a month-end); through these B-trees it is a few index probes per key, then a check against
-- `snapshot` that the row's upload is its county's current one. The history of earlier uploads stays in
-- the table, so a key finds one row per upload that listed it; the `snapshot` join keeps the current one.
create index beneficiary_id_number on beneficiary (id_number);
create index beneficiary_household on beneficiary (household_id);
create index beneficiary_account on beneficiary (account_number);
