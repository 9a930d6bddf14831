-- The bulk roster tables (beneficiary, poverty, disability) get narrower rows, so that a COPY of
-- millions of rows writes less: a row names its file by its position in the upload (file_no, 1-based,
-- into import_batch.files) instead of repeating the file name, and has no sequence id any more
-- ((import_id, file_no, row_no) is unique and in file order). The BRIN indexes no longer ask
-- autovacuum to summarise each block range as a COPY fills it (on a large upload the requests overflow
-- its queue and flood the server log); autovacuum summarises them when it vacuums the table after the
-- inserts, and until then a lookup also reads the unsummarised ranges (correct, only slower).
alter table import_batch add column files text[] not null default '{}';
update import_batch set files = string_to_array(file_names, ';');

drop view person;
drop view household;
drop view current_beneficiary;
drop view current_poverty;
drop view current_disability;

alter table beneficiary add column file_no smallint not null default 1;
alter table poverty add column file_no smallint not null default 1;
alter table disability add column file_no smallint not null default 1;
update beneficiary b set file_no = array_position(i.files, b.file_name)
    from import_batch i where i.id = b.import_id and cardinality(i.files) > 1 and b.file_name = any(i.files);
update poverty p set file_no = array_position(i.files, p.file_name)
    from import_batch i where i.id = p.import_id and cardinality(i.files) > 1 and p.file_name = any(i.files);
update disability d set file_no = array_position(i.files, d.file_name)
    from import_batch i where i.id = d.import_id and cardinality(i.files) > 1 and d.file_name = any(i.files);
alter table beneficiary alter column file_no drop default, drop column id, drop column file_name;
alter table poverty alter column file_no drop default, drop column id, drop column file_name;
alter table disability alter column file_no drop default, drop column id, drop column file_name;

alter index beneficiary_snapshot set (autosummarize = off);
alter index poverty_snapshot set (autosummarize = off);
alter index disability_import set (autosummarize = off);

-- The current snapshot of each county (and of the whole disability roster). The LATERAL (… offset 0)
-- keeps the planner reading each current snapshot through the BRIN index, never the history.
create view current_beneficiary as
    select b.import_id, null::bigint as replaced_by, b.file_no, i.files[b.file_no] as file_name, b.row_no,
           s.county::char(6) as county, b.region_code, b.household_id, b.id_number, b.id_converted_from, b.name,
           b.relation, b.program, b.category, b.household_income, b.start_month, b.end_month, b.bank,
           b.account_number, b.account_name
    from snapshot s
    join import_batch i on i.id = s.import_id
    cross join lateral (select * from beneficiary x where x.import_id = s.import_id and x.county = s.county offset 0) b
    where s.source = 'beneficiaries';
create view current_poverty as
    select p.import_id, null::bigint as replaced_by, p.file_no, i.files[p.file_no] as file_name, p.row_no,
           p.id_number, p.name, p.region_code, s.county::char(6) as county, p.household_id, p.category
    from snapshot s
    join import_batch i on i.id = s.import_id
    cross join lateral (select * from poverty x where x.import_id = s.import_id and x.county = s.county offset 0) p
    where s.source = 'poverty';
create view current_disability as
    select d.import_id, null::bigint as replaced_by, d.file_no, i.files[d.file_no] as file_name, d.row_no,
           d.id_number, d.name, d.certificate_no, d.type, d.grade, d.valid
    from snapshot s
    join import_batch i on i.id = s.import_id
    cross join lateral (select * from disability x where x.import_id = s.import_id offset 0) d
    where s.source = 'disability' and s.county = '';

create view household as
    select household_id, min(county) as county, min(region_code) as region_code, count(distinct id_number) as persons
    from current_beneficiary group by household_id;
create view person as
    select id_number, min(name) as name, min(county) as county from current_beneficiary group by id_number;
