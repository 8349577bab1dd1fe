-- A person's contact address: personal data, kept here only (never in an event).
create table contact (
    certificant_id text        primary key,
    email          text        not null,
    updated_at     timestamptz not null,
    updated_by     text        not null
);

-- What a person turned off: reminders (audit notices and the notices of events are never turned off).
create table notification_preference (
    certificant_id text        primary key,
    reminders      boolean     not null,
    updated_at     timestamptz not null
);

-- Every notice, and the outbox the sender sends from. One notice per dedup key: an event's id and the notice kind,
-- or a reminder's person, credential or audit, date and offset; a second insert of the same key does nothing.
-- Content is rendered when the notice is recorded, so what was sent is what is shown. The address is looked up when
-- sending and never stored here.
create table notice (
    notice_id        uuid        primary key,
    dedup_key        text        not null unique,
    certificant_id   text        not null,
    kind             text        not null,
    subject          text        not null,
    body_text        text        not null,
    body_html        text,
    answers_event_id text,
    reminder_key     text,
    status           text        not null,  -- PENDING, SENT, NOT_SENT_NO_ADDRESS, FAILED, SUPPRESSED
    attempts         int         not null default 0,
    next_attempt_at  timestamptz,
    created_at       timestamptz not null,
    sent_at          timestamptz,
    failure          text
);
create index notice_by_person on notice (certificant_id, created_at desc, notice_id);
create index notice_due on notice (next_attempt_at) where status = 'PENDING';

-- What the reminders need, kept from the events: each certification's current cycle and status ...
create table certification_cycle (
    certificant_id text        not null,
    credential     text        not null,
    cycle_start    date        not null,
    cycle_end      date        not null,
    status         text        not null,
    updated_at     timestamptz not null,
    primary key (certificant_id, credential)
);

-- ... and each open audit's proof due date (an extension moves it; a decision or closing ends the reminders).
create table audit_deadline (
    audit_id       uuid        primary key,
    certificant_id text        not null,
    credential     text        not null,
    due_on         date        not null,
    open           boolean     not null,
    updated_at     timestamptz not null
);
