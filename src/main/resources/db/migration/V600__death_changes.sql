-- Bumped (a sequence: outside any transaction's control) by every statement that writes the death table, like
-- roster_changes (V580) for the roster's bulk tables: part of what the check step's records of a county were
-- read from (matching.MatchedRecords#version), so that the load of the same run takes the certificates and death
-- months the checks read only when nothing they came from changed since. One bump per statement.
create sequence death_changes;
select nextval('death_changes');

create function death_changed() returns trigger language plpgsql as $$
begin
	perform nextval('death_changes');
	return null;
end
$$;

create trigger death_changed after insert or update or delete or truncate on death
	for each statement execute function death_changed();
