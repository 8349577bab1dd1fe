-- Idempotent consumers: a row per (consumer, event) handled, inserted first in the handler's own transaction.
create table processed_event (
    consumer      text        not null,
    event_id      text        not null,
    processed_at  timestamptz not null default now(),
    primary key (consumer, event_id)
);
