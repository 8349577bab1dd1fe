-- renewal-service state. The aggregate is the certificant: one row here serialises every command about a person
-- (select ... for update), and their events share one stream in event_log (aggregate_id = certificant id).
create table certificant (
    certificant_id  text        primary key,
    created_at      timestamptz not null default now()
);

-- One credential held by one person; the current cycle is repeated here from certification_cycle for queries.
create table certification (
    certification_id       uuid        primary key,
    certificant_id         text        not null references certificant,
    credential             text        not null,
    certified_on           date        not null,
    cycle_number           int         not null,
    cycle_start            date        not null,
    cycle_end              date        not null,
    counting_from          date        not null,
    -- the status last recorded and published: ACTIVE, GRACE, LAPSED, EXPIRED, INACTIVE, REVOKED
    status                 text        not null,
    status_since           date,
    inactive_audit_id      uuid,
    -- when the calendar next moves the recorded status (null: never by itself); the status job's index
    next_status_change_on  date,
    granted_by             text,
    granted_at             timestamptz not null,
    updated_at             timestamptz not null default now()
);

create index certification_by_certificant on certification (certificant_id);
create index certification_status_change_due on certification (next_status_change_on)
    where next_status_change_on is not null;
-- A person holds a credential at most once; after EXPIRED or REVOKED a new exam grants a new certification.
create unique index certification_held_once on certification (certificant_id, credential)
    where status not in ('EXPIRED', 'REVOKED');

-- Every cycle of a certification, oldest first; a reinstated cycle keeps the gap before it.
create table certification_cycle (
    certification_id  uuid  not null references certification,
    number            int   not null,
    cycle_start       date  not null,
    cycle_end         date  not null,
    counting_from     date  not null,
    origin            text  not null,
    renewal_id        uuid,
    gap_from          date,
    gap_to            date,
    primary key (certification_id, number)
);

-- Accepted renewals and reinstatements: final once recorded.
create table renewal (
    renewal_id          uuid        primary key,
    certificant_id      text        not null references certificant,
    kind                text        not null,
    credentials         text        not null,
    level               text        not null,
    renewed_on          date        not null,
    renewed_at          timestamptz not null,
    cycle_start         date        not null,
    cycle_end           date        not null,
    cecs_required       numeric     not null,
    attested_submitted  jsonb       not null,
    attested_counted    jsonb       not null,
    cecs_attested       numeric     not null,
    cecs_tracked        numeric     not null,
    fee_items           jsonb       not null,
    fee_total           numeric     not null,
    currency            text        not null,
    payment_amount      numeric     not null,
    payment_currency    text        not null,
    payment_reference   text        not null,
    cpr_provider        text        not null,
    cpr_issued_on       date        not null,
    cpr_expires_on      date        not null,
    cpr_hands_on        boolean     not null,
    submitted_by        text        not null,
    constraint renewal_payment_reference_unique unique (payment_reference)
);

create index renewal_by_certificant on renewal (certificant_id, renewed_at desc);

-- The certifications a renewal covered, with what the ledger tracked for each cycle renewed.
create table renewal_certification (
    renewal_id            uuid    not null references renewal,
    certification_id      uuid    not null references certification,
    credential            text    not null,
    previous_cycle_start  date    not null,
    previous_cycle_end    date    not null,
    cecs_tracked          numeric not null,
    gap_from              date,
    gap_to                date,
    primary key (renewal_id, certification_id)
);

-- Projection of cec.ledger.v1: one row per credit. Rebuildable from the topic. A void may arrive before its credit
-- (after a replay): its row is kept with voided = true and the earned fields fill in when the credit arrives.
create table ledger_credit (
    credit_id       uuid        primary key,
    certificant_id  text        not null,
    completed_on    date,
    category        text,
    cecs            numeric,
    source          text,
    verified        boolean,
    earned          boolean     not null default false,
    voided          boolean     not null default false,
    updated_at      timestamptz not null default now()
);

create index ledger_credit_by_certificant on ledger_credit (certificant_id);
