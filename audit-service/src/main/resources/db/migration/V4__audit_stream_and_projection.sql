-- The audit's stream is the truth and the audit table its projection `audits` (README "Event sourcing").

-- 1. The shadow copy a rebuild of `audits` fills before it replaces the live rows (same columns, no foreign keys).
create table audit_shadow (like audit including defaults including constraints including indexes);

-- 2. A rebuild replaces the audit rows by deleting and inserting them again in one transaction: the documents'
-- reference to their audit is checked at commit, when every audit is back.
alter table audit_document alter constraint audit_document_audit_id_fkey deferrable initially deferred;

-- 3. Audits recorded before this change have only their public events, which do not carry everything the audit is
-- made of (the renewal under audit, the items, the reviews...): each gets a private event at the end of its stream
-- with the state the table holds, so it still loads, and a rebuild right after the upgrade gives the same rows. The
-- row's version becomes that event's sequence, its updated_at is the event's time. An audit whose stream already
-- starts it (a private AuditStarted or AuditStateImported) is left alone: the statement can run again.
with imported as (
    insert into event_log (event_id, aggregate_id, sequence, event_type, topic, partition_key, occurred_at, payload)
    select gen_random_uuid(), a.audit_id::text,
           coalesce((select max(e.sequence) from event_log e where e.aggregate_id = a.audit_id::text), 0) + 1,
           'audit.AuditStateImported.v1', null, a.certificant_id, a.updated_at,
           json_build_object('state', a.state,
                             'at', to_char(a.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
      from audit a
     where not exists (select 1 from event_log e
                        where e.aggregate_id = a.audit_id::text
                          and e.event_type in ('audit.AuditStarted.v1', 'audit.AuditStateImported.v1'))
    returning aggregate_id, sequence
)
update audit a set version = i.sequence from imported i where a.audit_id::text = i.aggregate_id;
