-- Intakes (cn.doudi.intake): the files the feeds of jobs/intake/*.yml receive by themselves.

-- One poll of a feed that found files to import (a poll that finds nothing leaves only intake_feed's
-- last_poll_at): its id and the feed are the identifying parameters of the Spring Batch job intakeJob.
create table intake_poll (
    id          bigserial primary key,
    feed        text        not null,                 -- the intake's name (its file's base name)
    fired_by    text        not null,                 -- quartz | hand
    started_at  timestamptz not null
);

-- Every file a feed took in, one row per time it was taken: claimed (CLAIMED) before it is imported, then
-- COMMITTED | DUPLICATE | REJECTED (imported, recognised or refused: moved to done/ or rejected/), or
-- FAILED (not imported: the feed's user lacks the right, the database failed, the file changed while it
-- was read; it stays where it is and the next poll takes it again). Claims are made while holding the
-- feed's advisory lock; a CLAIMED row that the lock's next holder finds was left by a dead process, and
-- its poll's job is restarted. At most one live claim per file name and feed.
create table intake_file (
    id            bigserial primary key,
    feed          text        not null,
    poll_id       bigint      not null references intake_poll (id),
    file_name     text        not null,
    size          bigint      not null,
    modified      timestamptz not null,
    status        text        not null check (status in ('CLAIMED', 'COMMITTED', 'DUPLICATE', 'REJECTED', 'FAILED')),
    content_hash  char(64),                            -- SHA-256 of the file as imported
    import_id     bigint,                              -- import_batch.id (ingest's), the earlier one for a DUPLICATE
    rows_accepted integer,
    rows_rejected integer,
    archived_as   text,                                -- where the file went: done/2026-11/x.csv (relative to the archive)
    report        text,                                -- its .errors.xlsx beside it, if any
    message       text,                                -- why it FAILED, or what else a person should know
    claimed_at    timestamptz not null,
    finished_at   timestamptz
);
create unique index intake_file_one_claim on intake_file (feed, file_name) where status = 'CLAIMED';
create index intake_file_feed on intake_file (feed, id);

-- Size and modification time of each file present at a feed's last poll: a file is complete for a feed
-- with `complete: stable` once two polls saw the same size and time.
create table intake_seen (
    feed       text        not null,
    file_name  text        not null,
    size       bigint      not null,
    modified   timestamptz not null,
    first_seen timestamptz not null,
    primary key (feed, file_name)
);

-- The last poll of each feed (for intake list and the console): when, and what it found.
create table intake_feed (
    feed         text primary key,
    last_poll_at timestamptz not null,
    last_result  text        not null
);
