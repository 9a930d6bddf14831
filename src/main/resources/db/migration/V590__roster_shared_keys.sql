-- The keys of the copy of the current rows (V580) that more than one county's current roster lists: the ID numbers
-- and the household IDs, rebuilt with the copy (matching.roster.RosterCopy). A county's roster read by the checks
-- (every household holding one of its people, in any county) then reads the county's own rows from its snapshot
-- and probes the copy only for these keys, instead of one probe per ID and one per household of the county
-- (matching.roster.RosterLoader.loadPeopleOf). Used only while the copy holds every current snapshot and no bulk
-- table was written since its build (roster_cover, roster_changes); otherwise the probes per key, as before.
create unlogged table roster_shared_id (id_number char(18) not null);
create unlogged table roster_shared_household (household_id text not null);
