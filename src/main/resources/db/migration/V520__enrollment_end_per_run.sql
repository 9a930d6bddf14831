-- An enrollment ended by rule (GRADUAL_EXIT_END, AGED_OUT) is recorded by the run that computed it, and
-- only approved runs' ends count. The old key (county, program, household, id, ended month) left a draft
-- re-run's end on the replaced draft ("on conflict do nothing"): the approved run then had none, the
-- household counted as active again (RULES.md "Enrollment": an enrollment ended by rule covers nobody) and
-- the next run saw a never-paid household with INCOME_ABOVE_STANDARD instead of an ended enrollment, and no
-- POVERTY_NOT_COVERED lead. Each run now owns its rows.
alter table enrollment_end drop constraint enrollment_end_pkey;
alter table enrollment_end add primary key (run_id, county, program, household_id, id_number);

-- Repair: an end held by a replaced draft belongs to the approved run of the same county and month when that
-- run listed the same key stopping for the same reason (the stop is the trace of the end it could not write).
insert into enrollment_end (county, program, household_id, id_number, ended_month, reason, run_id)
select distinct e.county, e.program, e.household_id, e.id_number, e.ended_month, e.reason, a.id
from enrollment_end e
join payroll_run old on old.id = e.run_id and old.status = 'REPLACED'
join payroll_run a on a.county = old.county and a.month = old.month and a.status = 'APPROVED'
where exists (select 1 from stop_record s
              where s.run_id = a.id and s.reason = e.reason
                and s.payment_key = e.program || '|' || e.household_id
                                    || case when e.id_number = '' then '' else '|' || e.id_number end)
on conflict do nothing;
