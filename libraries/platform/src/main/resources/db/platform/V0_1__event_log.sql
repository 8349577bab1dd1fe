-- The service's own events: the record its state is derived from, and the outbox its relay publishes from.
-- Payloads are kept as the exact JSON text that was published (json, not jsonb).
-- Append-only: the only change ever allowed to a row is stamping published_at once.
create table event_log (
    position       bigserial    primary key,
    event_id       uuid         not null unique,
    aggregate_id   text         not null,
    sequence       bigint       not null,
    event_type     text         not null,
    topic          text         not null,
    partition_key  text         not null,
    occurred_at    timestamptz  not null,
    recorded_at    timestamptz  not null default now(),
    payload        json         not null,
    published_at   timestamptz,
    constraint event_log_aggregate_sequence unique (aggregate_id, sequence)
);

create index event_log_unpublished on event_log (position) where published_at is null;

create function event_log_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'event_log is append-only: events are never deleted';
    end if;
    if old.published_at is not null
       or (new.position, new.event_id, new.aggregate_id, new.sequence, new.event_type, new.topic,
           new.partition_key, new.occurred_at, new.recorded_at, new.payload::text)
          is distinct from
          (old.position, old.event_id, old.aggregate_id, old.sequence, old.event_type, old.topic,
           old.partition_key, old.occurred_at, old.recorded_at, old.payload::text) then
        raise exception 'event_log is append-only: only published_at may be set, once';
    end if;
    return new;
end $$;

create trigger event_log_append_only before update or delete on event_log
    for each row execute function event_log_append_only();

-- One relay at a time per service publishes, so events leave in order per certificant even with several instances.
create table outbox_lease (
    name        text        primary key,
    owner       text        not null,
    expires_at  timestamptz not null
);
