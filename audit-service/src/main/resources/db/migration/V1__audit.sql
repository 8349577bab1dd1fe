-- The audit pool: one row per level and calendar year, with its secret seed and running counts.
create table sampling_pool (
    level       text        not null,
    year        int         not null,
    seed        text        not null,   -- 32 bytes, hex; secret: shown to staff only, never published
    rate        numeric     not null,
    per_block   int         not null,
    block_size  int         not null,
    renewals    bigint      not null default 0,
    selected    bigint      not null default 0,
    created_at  timestamptz not null,
    primary key (level, year)
);

-- Every renewal and reinstatement that entered a pool, with the draw that reproduces its selection.
create table pool_entry (
    renewal_id      uuid        primary key,
    certificant_id  text        not null,
    level           text        not null,
    year            int         not null,
    renewed_on      date        not null,
    auditable_until date        not null,
    renewal         jsonb       not null,
    ordinal         bigint      not null,
    block           bigint      not null,
    position        int         not null,
    block_size      int         not null,
    per_block       int         not null,
    draw            int         not null,
    selected        boolean     not null,
    entered_at      timestamptz not null,
    constraint pool_entry_ordinal unique (level, year, ordinal),
    foreign key (level, year) references sampling_pool (level, year)
);

-- Audits: indexed columns for the queries and the sweep, the whole state as JSON.
create table audit (
    audit_id          uuid        primary key,
    renewal_id        uuid        not null unique,
    certificant_id    text        not null,
    credential        text        not null,
    year              int         not null,
    status            text        not null,
    selection_method  text        not null,
    opened_on         date        not null,
    next_deadline     date,
    version           bigint      not null,
    state             jsonb       not null,
    updated_at        timestamptz not null
);

create index audit_certificant on audit (certificant_id, opened_on desc);
create index audit_listing on audit (year, credential, status);
create index audit_deadline on audit (next_deadline) where next_deadline is not null;

-- Uploaded proof: the bytes themselves; the original file name is kept as text only, never used as a path.
create table audit_document (
    document_id    uuid        primary key,
    audit_id       uuid        not null references audit (audit_id),
    content        bytea       not null,
    size           bigint      not null,
    sha256         text        not null,
    content_type   text        not null,
    original_name  text,
    uploaded_by    text        not null,
    uploaded_at    timestamptz not null
);

create index audit_document_audit on audit_document (audit_id, uploaded_at);

-- The person's verified ledger credits (from cec.ledger.v1): pre-accepted in audits.
create table verified_credit (
    credit_id       uuid        primary key,
    certificant_id  text        not null,
    completed_on    date        not null,
    cecs            numeric     not null,
    voided          boolean     not null default false
);

create index verified_credit_person on verified_credit (certificant_id);
