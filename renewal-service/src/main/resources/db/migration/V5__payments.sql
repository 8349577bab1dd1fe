-- A renewal request that met every requirement and waits for the payment provider to confirm its fee (README
-- "Payments"). The request's moment fixes what is paid for: the form and the quote are kept as requested.
create table pending_renewal (
    renewal_id         uuid        primary key,
    certificant_id     text        not null,
    -- PENDING until the provider confirms the payment (COMPLETED: the renewal table has it) or it expires (EXPIRED)
    status             text        not null,
    requested_on       date        not null,
    requested_at       timestamptz not null,
    expires_at         timestamptz not null,
    settled_at         timestamptz,
    submitted_by       text        not null,
    form               jsonb       not null,
    quote              jsonb       not null,
    amount             numeric     not null,
    currency           text        not null,
    payment_reference  text        not null,
    idempotency_key    text,
    request_hash       text        not null,
    constraint pending_renewal_reference_unique unique (payment_reference),
    constraint pending_renewal_idempotency_unique unique (certificant_id, idempotency_key)
);

create index pending_renewal_due_to_expire on pending_renewal (expires_at) where status = 'PENDING';

-- Every genuine (correctly signed, fresh) notification from the payment provider, once per provider event id, with
-- what it did. UNMATCHED ones are money received for nothing: staff refund them (GET /api/v1/payments/unmatched).
create table payment_notification (
    provider_event_id  text        primary key,
    received_at        timestamptz not null,
    payment_status     text        not null,
    payment_reference  text,
    amount             numeric,
    currency           text,
    -- RENEWED (completed its renewal), UNMATCHED (reason says why), NOT_PAID (a status other than SUCCEEDED)
    outcome            text        not null,
    reason             text,
    renewal_id         uuid,
    body               text        not null
);

create index payment_notification_unmatched on payment_notification (received_at desc) where outcome = 'UNMATCHED';
