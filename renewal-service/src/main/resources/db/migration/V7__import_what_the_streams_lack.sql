-- Data already in the tables must survive a rebuild of the certifications projection (README "Event sourcing"). The
-- persons' streams hold everything the tables do but two things, which are appended here as PRIVATE events (topic
-- null: never published) at the end of each person's stream, so a rebuild right after the upgrade gives the same rows:
--
-- 1. The receipt of every renewal recorded so far: the renewal events of that time (version 1) carried no payment
--    reference, CPR card, attested fields, fee items or submitter. One renewal.RenewalReceiptImported.v1 per renewal,
--    with a CertificationRenewed.v2 body (kind may be REINSTATEMENT) built from renewal and renewal_certification.
-- 2. Which audit holds each INACTIVE certification: status changes of that time did not name the audit. One
--    renewal.AuditHoldChanged.v1 per certification held.

insert into event_log (event_id, aggregate_id, sequence, event_type, topic, partition_key, occurred_at, payload)
select gen_random_uuid(), r.certificant_id,
       coalesce((select max(e.sequence) from event_log e where e.aggregate_id = r.certificant_id), 0)
           + row_number() over (partition by r.certificant_id order by r.renewed_at, r.renewal_id),
       'renewal.RenewalReceiptImported.v1', null, r.certificant_id, r.renewed_at,
       json_build_object(
           'renewalId', r.renewal_id,
           'certificantId', r.certificant_id,
           'kind', r.kind,
           'credentials', string_to_array(r.credentials, ','),
           'level', r.level,
           'renewedOn', r.renewed_on,
           'renewedAt', to_char(r.renewed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'previousCycleStart', lvl.previous_cycle_start,
           'previousCycleEnd', lvl.previous_cycle_end,
           'cycleStart', r.cycle_start,
           'cycleEnd', r.cycle_end,
           'cecsRequired', r.cecs_required,
           'cecsAttested', r.cecs_attested,
           'cecsTracked', r.cecs_tracked,
           'feeTotal', r.fee_total,
           'currency', r.currency,
           'countedFrom', lvl.counted_from,
           'countedTo', lvl.counted_to,
           'certifications', (select json_agg(json_build_object(
                   'certificationId', c.certification_id,
                   'credential', c.credential,
                   'previousCycleStart', c.previous_cycle_start,
                   'previousCycleEnd', c.previous_cycle_end,
                   'cecsTracked', c.cecs_tracked,
                   'gapFrom', c.gap_from,
                   'gapTo', c.gap_to,
                   'countedFrom', c.counted_from,
                   'countedTo', c.counted_to)
                   order by array_position(string_to_array(r.credentials, ','), c.credential))
               from renewal_certification c where c.renewal_id = r.renewal_id),
           'attestedSubmitted', r.attested_submitted,
           'attestedCounted', r.attested_counted,
           'feeItems', r.fee_items,
           'payment', json_build_object('amount', r.payment_amount, 'currency', r.payment_currency,
                                        'reference', r.payment_reference),
           'cpr', json_build_object('provider', r.cpr_provider, 'issuedOn', r.cpr_issued_on,
                                    'expiresOn', r.cpr_expires_on, 'handsOnSkills', r.cpr_hands_on),
           'submittedBy', r.submitted_by)
from renewal r
left join renewal_certification lvl on lvl.renewal_id = r.renewal_id and lvl.credential = r.level;

insert into event_log (event_id, aggregate_id, sequence, event_type, topic, partition_key, occurred_at, payload)
select gen_random_uuid(), c.certificant_id,
       coalesce((select max(e.sequence) from event_log e where e.aggregate_id = c.certificant_id), 0)
           + row_number() over (partition by c.certificant_id order by c.certification_id),
       'renewal.AuditHoldChanged.v1', null, c.certificant_id, c.updated_at,
       json_build_object(
           'certificationId', c.certification_id,
           'certificantId', c.certificant_id,
           'auditId', c.inactive_audit_id,
           'changedAt', to_char(c.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
from certification c
where c.status = 'INACTIVE' and c.inactive_audit_id is not null;
