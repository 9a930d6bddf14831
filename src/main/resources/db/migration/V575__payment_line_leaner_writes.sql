-- payment_line is written by month-end's COPY (tens of thousands of lines per county and month, millions in a
-- province) and read by run: the unique (run_id, payment_key, pay_month) — which also keeps a run from paying a
-- key twice in a month — serves those reads and stays, its keys now compared byte for byte (COLLATE "C": the same
-- equality, as every collation here is deterministic; a sixth less of the COPY's server CPU than the database's
-- collation). What the COPY maintained besides, for nothing:
-- * payment_line_key (payment_key, pay_month): no query filters by key without its run.
-- * payment_line_person (id_number): the one query by person (a TEMP_ASSIST upload's paid cases,
--   PayableMonths.paidTempAssist) compares the ID as text, which an index on the char(18) cannot serve (it read
--   every line); replaced by a small partial index on that text, for TEMP_ASSIST lines only.
-- * the foreign key run_id → payroll_run: a lookup of the run for every line (about a third of the COPY's server
--   time), though one COPY writes one run's lines. PaymentLineStore checks the run once per COPY instead and
--   key-share locks its row until the transaction ends (as the foreign key did); runs are never deleted.
drop index payment_line_key;
drop index payment_line_person;
alter table payment_line drop constraint payment_line_run_id_fkey;
create index payment_line_temp_assist_person on payment_line ((id_number::text)) where program = 'TEMP_ASSIST';
alter table payment_line drop constraint payment_line_run_id_payment_key_pay_month_key;
create unique index payment_line_run_key_month on payment_line (run_id, payment_key collate "C", pay_month collate "C");
