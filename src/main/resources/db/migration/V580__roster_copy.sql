-- The keyed cross-county lookups (matching.roster.CurrentRoster) read a copy of the current rows instead of
-- B-trees on the bulk tables: every roster upload maintained those B-trees over all its rows and every earlier
-- upload's (V560, V561: the CSV import fell from 0.65 to 0.15 × a raw COPY). The copy holds the rows of the
-- snapshots current when it was built, in unlogged tables indexed once, built set-based on first use after the
-- data changed (matching.roster.RosterCopy: once per month-end when nothing was imported meanwhile).
--
-- roster_cover names what the copy holds: a snapshot (source, county, import_id) as it stood when the copy was
-- built, and the value of roster_changes then. A lookup reads a current snapshot from the copy only when a
-- cover row names it with today's roster_changes; any other current snapshot is read from the bulk table
-- itself (correct, slower). So a stale or empty copy (after a crash unlogged tables are empty) is never wrong.
create unlogged table roster_beneficiary (like beneficiary);
create unlogged table roster_disability (like disability);
create unlogged table roster_poverty (like poverty);
create unlogged table roster_cover (
	source text not null,
	county text not null,
	import_id bigint not null,
	changes bigint not null,
	primary key (source, county)
);
create index roster_beneficiary_id_number on roster_beneficiary (id_number);
create index roster_beneficiary_household on roster_beneficiary (household_id);
create index roster_beneficiary_account on roster_beneficiary (account_number);
create index roster_disability_id_number on roster_disability (id_number);
create index roster_poverty_id_number on roster_poverty (id_number);

-- Bumped (outside any transaction's control: a sequence) by every statement that writes a bulk table. An import
-- only ever adds rows to its own STAGING upload and the swap changes `snapshot`, so in the application a bump
-- never changes what a cover names; but a row written into an upload that is already current (tests, a hand
-- edit) must not be missed by the copy, hence the counter. One bump per statement: a COPY of a million rows
-- pays for one nextval.
create sequence roster_changes;
select nextval('roster_changes');

create function roster_changed() returns trigger language plpgsql as $$
begin
	perform nextval('roster_changes');
	return null;
end
$$;

create trigger beneficiary_roster_changed after insert or update or delete or truncate on beneficiary
	for each statement execute function roster_changed();
create trigger disability_roster_changed after insert or update or delete or truncate on disability
	for each statement execute function roster_changed();
create trigger poverty_roster_changed after insert or update or delete or truncate on poverty
	for each statement execute function roster_changed();
