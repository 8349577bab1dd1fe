-- The event log is the event store (README "Event sourcing"): aggregates are loaded by folding their streams, and
-- read models are projections of it. Three additions:

-- 1. Private events: an event recorded in its stream that no topic publishes (topic null). The relay never sees one.
alter table event_log alter column topic drop not null;
drop index event_log_unpublished;
create index event_log_unpublished on event_log (position) where published_at is null and topic is not null;

-- 2. Snapshots: a cache of an aggregate folded up to a sequence, only ever used when its schema version is the code's
-- and the stream still holds that sequence. Deleting every row here changes no answer, only how many events a load
-- reads.
create table aggregate_snapshot (
    aggregate_id    text        primary key,
    sequence        bigint      not null,
    schema_version  int         not null,
    state           json        not null,
    taken_at        timestamptz not null
);

-- 3. Projection rebuilds: one row per projection, visible from every instance; the instance that runs a rebuild
-- keeps heartbeat_at fresh, so a rebuild whose instance died can be started again.
create table projection_rebuild (
    name           text        primary key,
    state          text        not null,
    events_done    bigint      not null default 0,
    events_total   bigint,
    started_at     timestamptz,
    started_by     text,
    finished_at    timestamptz,
    heartbeat_at   timestamptz,
    run_by         text,
    error          text
);
