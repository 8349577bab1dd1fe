-- The ledger's read model: one row per credit, written in the same transaction as the CECEarned event that records
-- it (and updated by the CECVoided that voids it). The event log stays the record; this table serves the history.
create table credit (
    credit_id       uuid         primary key,
    certificant_id  text         not null,
    source          text         not null,
    verified        boolean      not null,
    category        text         not null,
    title           text         not null,
    provider        text         not null,
    provider_kind   text         not null,
    completed_on    date         not null,
    amount          numeric      not null check (amount > 0),
    unit            text         not null,
    cecs            numeric      not null check (cecs > 0),
    grade           text,
    -- the completion or attendance id of an integration credit, and a fingerprint of what it said
    external_ref    text,
    content_hash    text,
    voided          boolean      not null default false,
    void_reason     text,
    voided_by       text,
    voided_at       timestamptz,
    recorded_at     timestamptz  not null,
    recorded_by     text         not null,
    -- the sequence of its CECEarned event in the certificant's stream
    event_sequence  bigint       not null,
    -- one credit per external record, whatever path it came by
    constraint credit_source_external_ref unique (source, external_ref),
    constraint credit_voided_has_reason check (not voided or (void_reason is not null and voided_at is not null))
);

-- History: a person's credits, newest completion first.
create index credit_history on credit (certificant_id, completed_on desc, recorded_at desc);

-- Idempotency-Key of the credit API: the first answer to a (certificant, key) is the answer to every retry of the
-- same request; the request hash tells a retry from a different request reusing the key.
create table idempotency_key (
    certificant_id  text         not null,
    idempotency_key text         not null,
    request_hash    text         not null,
    credit_id       uuid         not null references credit (credit_id),
    created_at      timestamptz  not null,
    primary key (certificant_id, idempotency_key)
);
