-- Doudi schema: every table the spec needs, designed once (later issues fill them).
-- Conventions
--   * months are char(7) 'YYYY-MM' (compare as text); money numeric(14,2) yuan; no floating point.
--   * every imported source table carries import_id (the upload it came from). Replaced rows are
--     kept for audit. The current_* views below are what every reader uses, so an import killed
--     half-way is invisible:
--       - snapshot sources (beneficiary, poverty: per county; disability: the whole source) are
--         bulk tables without foreign keys or per-row state: the small table `snapshot` names the
--         upload that is current per (source, county), and a new upload replaces it by updating a
--         few `snapshot` rows (nothing in the bulk table is rewritten);
--       - keyed sources (standard, cpi, region, death, marriage, economic, temp_assist) carry
--         replaced_by (the upload that replaced the row, null while current); their rows count as
--         current when their upload is COMMITTED and replaced_by is null.
--   * ID numbers are stored normalised (18 characters); account numbers as digits only.

-- ===== uploads (ingest) =====
create table import_batch (
    id               bigserial primary key,
    source           text        not null,  -- beneficiaries, standards, regions, poverty, disability, deaths, marriages, economic, cpi, temp-assist, bank-return
    content_hash     char(64)    not null,  -- SHA-256 over the files' own SHA-256s, in argument order
    file_names       text        not null,  -- ';'-joined base names
    status           text        not null,  -- STAGING | COMMITTED | REJECTED | FAILED
    rows_read        integer     not null default 0,
    rows_accepted    integer     not null default 0,
    rows_rejected    integer     not null default 0,
    counties         text,                  -- ';'-joined counties a snapshot covers (beneficiaries, poverty)
    imported_by      text        not null,
    started_at       timestamptz not null,
    finished_at      timestamptz,
    job_execution_id bigint
);
create unique index import_batch_committed_hash on import_batch (source, content_hash) where status = 'COMMITTED';

-- The current upload of each snapshot source, per county ('' for a source replaced whole: disability).
-- Written only by an import's swap, in the transaction that makes the upload COMMITTED.
create table snapshot (
    source    text   not null,             -- beneficiaries | poverty | disability
    county    text   not null,             -- 6-digit county, or '' for a whole-source snapshot
    import_id bigint not null references import_batch (id),
    primary key (source, county)
);

create table import_rejection (
    id          bigserial primary key,
    import_id   bigint  not null references import_batch (id),
    file_name   text    not null,
    row_no      integer not null,          -- 1-based as Excel shows it, title and header rows counted
    column_name text,
    value       text,
    reason      text    not null           -- Chinese, for operators
);
create index import_rejection_import on import_rejection (import_id);

-- ===== reference data =====
create table region (
    id          bigserial primary key,
    import_id   bigint not null references import_batch (id),
    replaced_by bigint references import_batch (id),
    code        varchar(12) not null,      -- 6, 9 or 12 digits
    name        text not null
);
create index region_code on region (code) where replaced_by is null;

-- standards (保障标准): upsert by (county, program, category, effective_month).
-- value is yuan for amounts, percent for 分类施保-*, a count for PARAM rows.
create table standard (
    id              bigserial primary key,
    import_id       bigint not null references import_batch (id),
    replaced_by     bigint references import_batch (id),
    county          char(6) not null,
    program         text    not null,      -- Program code or PARAM
    category        text    not null,
    effective_month char(7) not null,
    value           numeric(14, 2) not null
);
create index standard_key on standard (county, program, category, effective_month) where replaced_by is null;

create table cpi (
    id          bigserial primary key,
    import_id   bigint not null references import_batch (id),
    replaced_by bigint references import_batch (id),
    month       char(7) not null,
    cpi         numeric(8, 2) not null,    -- CPI同比, percent
    food_cpi    numeric(8, 2) not null     -- 食品CPI同比, percent
);
create index cpi_month on cpi (month) where replaced_by is null;

-- ===== our own roster: beneficiaries (在册对象花名册), one row per covered person per program =====
-- A household's enrollment in a DIBAO program follows its 户主 row; every other program is per person.
-- A bulk table (up to millions of rows per upload): no foreign key, no primary-key index, one BRIN
-- index (V100) that finds an upload's rows of a county. id comes from the sequence (unique, in file
-- order).
create table beneficiary (
    id                bigserial not null,
    import_id         bigint  not null,    -- import_batch.id (no FK: checked per row it would double the COPY)
    file_name         text    not null,
    row_no            integer not null,
    county            text    not null,    -- 6 digits (text: compared with snapshot.county; the views show char(6))
    region_code       char(12) not null,
    household_id      text    not null,
    id_number         char(18) not null,
    id_converted_from varchar(15),         -- a 15-digit ID converted on import
    name              text    not null,    -- as normalised for display (trim, half-width, dots)
    relation          text    not null,    -- 户主 (also for 本人), 配偶, 子女, 父母, 孙子女, 兄弟姐妹, 其他
    program           text    not null,    -- Program code
    category          text,                -- TEKUN 全自理/半护理/全护理, ORPHAN 机构/散居
    household_income  numeric(14, 2),      -- DIBAO_*: yuan per month
    start_month       char(7) not null,
    end_month         char(7),
    bank              text,                -- bank code
    account_number    varchar(19),
    account_name      text
);

-- An enrollment ended by rule (GRADUAL_EXIT_END, AGED_OUT) is not active for any payment or check.
-- id_number is '' for a DIBAO household enrollment. A 户主 row starting after ended_month reopens it.
create table enrollment_end (
    county       char(6) not null,
    program      text    not null,
    household_id text    not null,
    id_number    varchar(18) not null default '',
    ended_month  char(7) not null,         -- first month with nothing paid
    reason       text    not null,         -- GRADUAL_EXIT_END | AGED_OUT
    run_id       bigint  not null,
    primary key (county, program, household_id, id_number, ended_month)
);

-- ===== other agencies' rosters =====
create table poverty (                 -- bulk table, like beneficiary
    id           bigserial not null,
    import_id    bigint  not null,
    file_name    text    not null,
    row_no       integer not null,
    id_number    char(18) not null,
    name         text    not null,
    region_code  char(12) not null,
    county       text    not null,         -- 6 digits (text: see beneficiary.county)
    household_id text    not null,
    category     text    not null          -- 未脱贫人口 / 脱贫监测人口 / 贫困边缘人口 / 已稳定脱贫
);

create table disability (              -- bulk table, like beneficiary
    id             bigserial not null,
    import_id      bigint  not null,
    file_name      text    not null,
    row_no         integer not null,
    id_number      char(18) not null,
    name           text    not null,
    certificate_no char(20) not null,
    type           smallint not null,      -- 1 视力 2 听力 3 言语 4 肢体 5 智力 6 精神 7 多重
    grade          smallint not null,      -- 1..4
    valid          boolean  not null       -- 证件状态 有效 (true) / 注销 (false)
);

-- deaths: an ID of the right shape that fails the check digit or birth date is kept (id_valid false):
-- it never matches by ID but can still identify someone through DEATH_PROBABLE.
create table death (
    id          bigserial primary key,
    import_id   bigint  not null references import_batch (id),
    replaced_by bigint references import_batch (id),
    file_name   text    not null,
    row_no      integer not null,
    id_number   varchar(18) not null,
    id_valid    boolean not null,
    name        text    not null,
    death_date  date    not null,
    origin      text                       -- 来源: 公安/火化/医院
);
create index death_current_id on death (id_number) where replaced_by is null;

create table marriage (
    id               bigserial primary key,
    import_id        bigint  not null references import_batch (id),
    replaced_by      bigint references import_batch (id),
    file_name        text    not null,
    row_no           integer not null,
    id_number        char(18) not null,
    name             text    not null,
    spouse_id_number char(18) not null,
    spouse_name      text    not null,
    kind             text    not null,     -- 结婚 | 离婚
    registered_on    date    not null
);
create index marriage_current_id on marriage (id_number) where replaced_by is null;
create index marriage_current_spouse on marriage (spouse_id_number) where replaced_by is null;

create table economic (
    id                  bigserial primary key,
    import_id           bigint  not null references import_batch (id),
    replaced_by         bigint references import_batch (id),
    file_name           text    not null,
    row_no              integer not null,
    household_id        text    not null,
    id_number           char(18) not null,
    name                text    not null,
    check_month         char(7) not null,  -- 核对月份
    household_income    numeric(14, 2) not null,
    vehicles            integer not null,
    properties          integer not null,
    business_registered boolean not null,
    public_employee     boolean not null
);
create index economic_current_household on economic (household_id, check_month) where replaced_by is null;

create table temp_assist (
    id             bigserial primary key,
    import_id      bigint  not null references import_batch (id),
    replaced_by    bigint references import_batch (id),
    file_name      text    not null,
    row_no         integer not null,
    region_code    char(12) not null,
    county         char(6) not null,
    household_id   text    not null,
    id_number      char(18) not null,
    name           text    not null,
    case_no        text    not null,       -- 审批编号, unique among current rows
    approval_month char(7) not null,
    amount         numeric(14, 2) not null,
    cause          text    not null,
    bank           text    not null,
    account_number varchar(19) not null,
    account_name   text    not null
);
create index temp_assist_current_case on temp_assist (case_no) where replaced_by is null;

-- ===== what every reader uses: the current_* views (and people and households of the roster) =====
-- Snapshot sources: the rows of the upload that `snapshot` names for each county. Read through the
-- (import_id, county) BRIN index, one snapshot row at a time: the LATERAL subquery with OFFSET 0 keeps the
-- planner from flattening it into a scan of the whole bulk table, which holds every earlier upload too
-- (a query for other counties would otherwise read the history). county comes from `snapshot`, so
-- that a condition on it selects snapshot rows before any bulk row is read. replaced_by is always null
-- (kept so that the views' columns stay as they were).
create view current_beneficiary as
    select b.id, b.import_id, null::bigint as replaced_by, b.file_name, b.row_no, s.county::char(6) as county,
           b.region_code, b.household_id, b.id_number, b.id_converted_from, b.name, b.relation, b.program,
           b.category, b.household_income, b.start_month, b.end_month, b.bank, b.account_number, b.account_name
    from snapshot s
    cross join lateral (select * from beneficiary x where x.import_id = s.import_id and x.county = s.county offset 0) b
    where s.source = 'beneficiaries';
create view current_poverty as
    select p.id, p.import_id, null::bigint as replaced_by, p.file_name, p.row_no, p.id_number, p.name,
           p.region_code, s.county::char(6) as county, p.household_id, p.category
    from snapshot s
    cross join lateral (select * from poverty x where x.import_id = s.import_id and x.county = s.county offset 0) p
    where s.source = 'poverty';
create view current_disability as
    select d.id, d.import_id, null::bigint as replaced_by, d.file_name, d.row_no, d.id_number, d.name,
           d.certificate_no, d.type, d.grade, d.valid
    from snapshot s
    cross join lateral (select * from disability x where x.import_id = s.import_id offset 0) d
    where s.source = 'disability' and s.county = '';
-- Keyed sources: rows of committed uploads that no later upload replaced.
create view current_standard as
    select s.* from standard s join import_batch i on i.id = s.import_id
    where s.replaced_by is null and i.status = 'COMMITTED';
create view current_cpi as
    select c.* from cpi c join import_batch i on i.id = c.import_id
    where c.replaced_by is null and i.status = 'COMMITTED';
create view current_region as
    select r.* from region r join import_batch i on i.id = r.import_id
    where r.replaced_by is null and i.status = 'COMMITTED';
create view current_death as
    select d.* from death d join import_batch i on i.id = d.import_id
    where d.replaced_by is null and i.status = 'COMMITTED';
create view current_marriage as
    select m.* from marriage m join import_batch i on i.id = m.import_id
    where m.replaced_by is null and i.status = 'COMMITTED';
create view current_economic as
    select e.* from economic e join import_batch i on i.id = e.import_id
    where e.replaced_by is null and i.status = 'COMMITTED';
create view current_temp_assist as
    select t.* from temp_assist t join import_batch i on i.id = t.import_id
    where t.replaced_by is null and i.status = 'COMMITTED';

create view household as
    select household_id, min(county) as county, min(region_code) as region_code, count(distinct id_number) as persons
    from current_beneficiary group by household_id;
create view person as
    select id_number, min(name) as name, min(county) as county from current_beneficiary group by id_number;

-- ===== users and audit (security) =====
create table app_user (
    name       text primary key,
    role       text not null,              -- OPERATOR | MONITOR | FINANCE | AUDITOR | ADMIN
    county     char(6),                    -- null = city-wide
    active     boolean not null default true,
    created_by text not null,
    created_at timestamptz not null
);

create table audit_event (
    id      bigserial primary key,
    at      timestamptz not null,
    actor   text not null,
    action  text not null,                 -- IMPORT, RUN, RELEASE, APPROVE, REVOKE, DISMISS, CONFIRM, RECOVER, USER_ADD, BANK_RETURN ...
    county  char(6),
    subject text,                          -- e.g. run batch number, finding id, import id
    detail  text                           -- never a full ID or account number
);
create index audit_event_at on audit_event (at);

-- ===== payroll runs (发放批次) =====
create table payroll_run (
    id               bigserial primary key,
    county           char(6) not null,
    month            char(7) not null,
    revision         integer not null,     -- counts runs of that month from 1
    batch_no         text    not null,     -- <county>-<YYYYMM>-<revision, 2 digits>
    status           text    not null,     -- RUNNING | DRAFT | RELEASED | APPROVED | REVOKED | REPLACED | FAILED
    pay_date         date    not null,
    created_by       text    not null,
    created_at       timestamptz not null,
    released_by      text,
    released_at      timestamptz,
    approved_by      text,
    approved_at      timestamptz,
    revoked_by       text,
    revoked_at       timestamptz,
    revoke_reason    text,
    job_execution_id bigint,
    out_dir          text,                 -- where month-end wrote the run's files (approve writes final bank files there)
    unique (county, month, revision)
);
create unique index payroll_run_one_live on payroll_run (county, month)
    where status in ('RUNNING', 'DRAFT', 'RELEASED', 'APPROVED');

-- One payment line. payment_key is the line's key without the pay month:
--   DIBAO_*: program|household_id ; every other program: program|household_id|id_number.
create table payment_line (
    id                  bigserial primary key,
    run_id              bigint  not null references payroll_run (id),
    county              char(6) not null,
    region_code         char(12) not null,
    program             text    not null,
    category            text    not null default '',
    household_id        text    not null,
    id_number           char(18) not null,
    name                text    not null,
    pay_month           char(7) not null,
    amount              numeric(14, 2) not null,
    status              text    not null,  -- PAY | HELD
    reason              text    not null default '', -- holding finding codes, sorted, ';'-joined
    bank                text    not null default '',
    account_number      varchar(19) not null default '',
    account_name        text    not null default '',
    arrears             boolean not null default false,
    payment_key         text    not null,
    members             integer,           -- DIBAO: covered members n
    member_ids          text,              -- DIBAO: the covered members' ID numbers, sorted, ';'-joined
    dibao_phase         text,              -- DIBAO: REGULAR | GRADUAL_EXIT
    regular_amount      numeric(14, 2),    -- DIBAO: the frozen amount of the last regular month
    exit_month_no       integer,           -- DIBAO gradual exit: 1..K
    seq                 integer,           -- position in payments.csv order (bank file sequence for PAY lines)
    bank_status         text,              -- null | PAID | FAILED (bank-return)
    bank_failure_reason text,
    unique (run_id, payment_key, pay_month)
);
create index payment_line_key on payment_line (payment_key, pay_month);
create index payment_line_person on payment_line (id_number);

create table stop_record (
    id              bigserial primary key,
    run_id          bigint  not null references payroll_run (id),
    county          char(6) not null,
    program         text    not null,
    household_id    text    not null,
    id_number       char(18) not null,
    name            text    not null,
    last_paid_month char(7),
    reason          text    not null,      -- DECEASED | REMOVED_FROM_ROSTER | END_MONTH | AGED_OUT | GRADUAL_EXIT_END
    payment_key     text    not null
);
create index stop_record_run on stop_record (run_id);

-- ===== findings (比对疑点) and their review =====
create table finding (
    id              bigserial primary key,
    code            text    not null,
    effect          text    not null,      -- STOP | HOLD | LEAD | INFO
    county          char(6) not null,
    id_number       varchar(18) not null,
    name            text    not null,
    household_id    text    not null default '',
    programs        text    not null default '',
    account_number  varchar(19),           -- SHARED_ACCOUNT: the account whose lines it holds
    detail          text    not null default '',
    evidence        text    not null default '', -- the records that raised it; a dismissal holds for the same evidence
    status          text    not null,      -- OPEN | CONFIRMED | DISMISSED | RESOLVED | RECOVERED
    first_month     char(7) not null,
    last_month      char(7) not null,
    closed_month    char(7),
    first_run_id    bigint references payroll_run (id)
);
create unique index finding_one_live on finding (code, id_number, county) where status in ('OPEN', 'CONFIRMED');
create index finding_county_status on finding (county, status);

-- The findings that hold in a run (its findings.csv): recomputed with the run, so a restart never doubles them.
create table run_finding (
    run_id     bigint not null references payroll_run (id),
    finding_id bigint not null references finding (id),
    primary key (run_id, finding_id)
);

create table finding_decision (
    id          bigserial primary key,
    finding_id  bigint not null references finding (id),
    decision    text   not null,           -- DISMISS | CONFIRM | RECOVER
    decided_by  text   not null,
    decided_at  timestamptz not null,
    note        text   not null,
    amount      numeric(14, 2)
);

create table overpayment (
    id              bigserial primary key,
    finding_id      bigint  not null references finding (id),
    line_id         bigint  not null references payment_line (id),
    county          char(6) not null,
    program         text    not null,
    household_id    text    not null,
    id_number       char(18) not null,     -- the line's payee
    name            text    not null,
    pay_month       char(7) not null,
    paid            numeric(14, 2) not null,
    due             numeric(14, 2) not null,
    overpaid        numeric(14, 2) not null,
    status          text    not null,      -- OPEN | RECOVERED
    unique (line_id)
);

-- ===== disbursement (代发文件) and bank returns (回盘) =====
create table bank_file (
    id         bigserial primary key,
    run_id     bigint  not null references payroll_run (id),
    bank       text    not null,
    file_name  text    not null,
    final      boolean not null,
    sha256     char(64) not null,
    line_count integer not null,
    total      numeric(16, 2) not null
);

create table bank_return_line (
    id              bigserial primary key,
    import_id       bigint  not null references import_batch (id),
    batch_no        text    not null,
    seq             integer not null,
    account_number  varchar(19) not null,
    amount          numeric(14, 2) not null,
    succeeded       boolean not null,
    failure_reason  text,
    payment_line_id bigint references payment_line (id)
);
