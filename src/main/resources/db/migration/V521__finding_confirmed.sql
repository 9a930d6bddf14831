-- A confirmed finding that closed and opens again is CONFIRMED again (CHECKS.md "Review": confirm keeps the
-- finding open with its effect). The ledger (matching) kept that by reading the review's decisions table; the
-- finding now carries it, so each module reads only its own tables.
alter table finding add column confirmed boolean not null default false;
update finding f set confirmed = true
where exists (select 1 from finding_decision d where d.finding_id = f.id and d.decision = 'CONFIRM');
