-- V560 and V561's B-trees are no longer read: the keyed lookups read the copy of the current rows (V580). Each
-- roster upload maintained them over all its rows, the history included (README "Import speed").
drop index beneficiary_id_number;
drop index beneficiary_household;
drop index beneficiary_account;
drop index disability_id_number;
drop index poverty_id_number;
