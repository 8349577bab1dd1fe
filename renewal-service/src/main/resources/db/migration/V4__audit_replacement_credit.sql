-- Ledger credits an audit counted toward the audited cycle as replacement CECs (from AuditDecided on cec.audits.v1):
-- they count toward that cycle only, so no later cycle counts them. Apart from ledger_credit, which is rebuilt from
-- cec.ledger.v1.
create table audit_replacement_credit (
    credit_id    uuid        primary key,
    audit_id     uuid        not null,
    renewal_id   uuid,
    recorded_at  timestamptz not null default now()
);
