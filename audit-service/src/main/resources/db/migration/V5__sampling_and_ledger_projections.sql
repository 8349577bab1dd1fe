-- The sampling pools are aggregates folded from their event streams, and three tables are projections that can be
-- rebuilt (README "Event sourcing"): sampling_pool and pool_entry (projection "sampling", from the pools' private
-- events) and ledger_credit (projection "ledger-credits", from cec.ledger.v1).

-- 1. Their shadow copies, which a rebuild fills before it replaces the live rows (no foreign keys there: the shadow
--    is filled parents first but emptied without regard to them).
create table sampling_pool_shadow (like sampling_pool including defaults including constraints including indexes);
create table pool_entry_shadow (like pool_entry including defaults including constraints including indexes);
create table ledger_credit_shadow (like ledger_credit including defaults including constraints including indexes);

-- 2. Pools opened before this change have rows but no events. Each gets its stream pool:<LEVEL>:<year>, written as
--    the service writes it: audit.PoolOpened.v1 from the pool's row, then one audit.RenewalDrawn.v1 per entry in
--    ordinal order. Private events (no topic): never published, the seed stays in this database. So the pools load
--    and draw on where they were, and a rebuild right after the upgrade gives the same rows.
insert into event_log (event_id, aggregate_id, sequence, event_type, topic, partition_key, occurred_at, payload)
select gen_random_uuid(), s.stream, coalesce(e.last, 0) + 1, 'audit.PoolOpened.v1', null, s.stream, p.created_at,
       json_build_object('level', p.level, 'year', p.year, 'seed', p.seed, 'rate', p.rate,
                         'perBlock', p.per_block, 'blockSize', p.block_size,
                         'openedAt', to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
  from sampling_pool p
 cross join lateral (select 'pool:' || p.level || ':' || p.year as stream) s
  left join lateral (select max(sequence) as last from event_log where aggregate_id = s.stream) e on true
 order by p.created_at, p.level, p.year;

insert into event_log (event_id, aggregate_id, sequence, event_type, topic, partition_key, occurred_at, payload)
select gen_random_uuid(), s.stream,
       e.last + row_number() over (partition by pe.level, pe.year order by pe.ordinal),
       'audit.RenewalDrawn.v1', null, pe.certificant_id, pe.entered_at,
       json_build_object('renewalId', pe.renewal_id, 'certificantId', pe.certificant_id, 'level', pe.level,
                         'year', pe.year, 'renewedOn', pe.renewed_on, 'auditableUntil', pe.auditable_until,
                         'renewal', pe.renewal, 'ordinal', pe.ordinal, 'block', pe.block, 'position', pe.position,
                         'blockSize', pe.block_size, 'perBlock', pe.per_block, 'draw', pe.draw,
                         'selected', pe.selected,
                         'enteredAt', to_char(pe.entered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
  from pool_entry pe
 cross join lateral (select 'pool:' || pe.level || ':' || pe.year as stream) s
  join lateral (select max(sequence) as last from event_log where aggregate_id = s.stream) e on true
 order by pe.level, pe.year, pe.ordinal;
