-- Keyed lookups in the other bulk snapshot tables (as V560 for beneficiary): the certificates and the
-- poverty rows of one county's people, among the province-wide disability upload and every county's
-- poverty snapshot (matching.roster.CurrentRoster), by index instead of a read of the whole source per
-- county.
create index disability_id_number on disability (id_number);
create index poverty_id_number on poverty (id_number);
