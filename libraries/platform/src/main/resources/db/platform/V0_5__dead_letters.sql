-- Dead letters (README "Reliability"): every record a consumer of this service parked on <topic>.dlq, remembered here
-- too, so that the service can list its own dead letters and staff can requeue one through its API. The .dlq topic
-- stays the durable record: a row is written only after the broker holds the dead letter, and before the original's
-- offset is committed, so a crash in between delivers the original again and the unique position keeps it one row.
create table dead_letter (
    id                bigserial    primary key,
    consumer          text         not null,
    topic             text         not null,
    kafka_partition   int          not null,
    kafka_offset      bigint       not null,
    record_key        text,
    record_value      bytea        not null,
    -- the original record's headers, [{"name": ..., "value": base64}], in their order (a name may repeat)
    headers           jsonb        not null,
    reason            text         not null,
    cause             text         not null,
    dead_lettered_at  timestamptz  not null,
    constraint dead_letter_position unique (topic, kafka_partition, kafka_offset, consumer)
);

create index dead_letter_newest on dead_letter (dead_lettered_at desc, id desc);

-- Each staff requeue of a dead letter: who, when and what came of it. Only a requeue that failed again may be followed
-- by another: the partial unique index keeps a second success out even when two requeues race.
create table dead_letter_requeue (
    id              bigserial    primary key,
    dead_letter_id  bigint       not null references dead_letter (id),
    requeued_at     timestamptz  not null,
    requeued_by     text         not null,
    outcome         text         not null,
    reason          text
);

create index dead_letter_requeue_by_letter on dead_letter_requeue (dead_letter_id, id);
create unique index dead_letter_requeued_once on dead_letter_requeue (dead_letter_id) where outcome <> 'FAILED_AGAIN';
