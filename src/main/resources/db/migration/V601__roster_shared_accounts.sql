-- The account numbers that more than one county's current roster lists, rebuilt with the copy of the current rows
-- like the shared IDs and households (V590; matching.roster.RosterCopy). SHARED_ACCOUNT finds the households paid
-- into the county's accounts: an account no other county lists is paid only to households of the county's own
-- rows, which the checks hold already, so only these accounts (and the county's TEMP_ASSIST cases' accounts) are
-- probed in the copy, instead of one probe per account of the county (matching.roster.CurrentRoster.sharedAccounts).
-- Used only while the copy holds exactly today's rows; otherwise every account is probed, as before.
create unlogged table roster_shared_account (account_number varchar(19) not null);
