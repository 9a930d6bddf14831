-- Cross-agency checks (matching): what each run's check step saw, for the silent-certification counts
-- (CHECKS.md "Silent certification"). One row per run; a re-run of the step replaces it.
create table check_run (
    run_id          bigint primary key references payroll_run (id),
    county          char(6) not null,
    month           char(7) not null,
    checked_people  integer not null,   -- distinct people with an active enrollment of the county in M
    opened          integer not null,   -- findings newly raised by this step
    resolved        integer not null    -- findings closed as RESOLVED by this step
);
-- Review and the checks look findings up by person.
create index finding_person on finding (id_number, code);
