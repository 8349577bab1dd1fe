package org.cecplatform.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import org.cecplatform.platform.persistence.Jdbc;
import org.cecplatform.platform.projection.ProjectionTables;

/**
 * The writer of the pools' tables (or their shadow copies), {@code sampling_pool} and {@code pool_entry}: the
 * {@code sampling} projection's, and nobody else's. Each write takes the pool event's JSON text as the event log
 * stores it and lets PostgreSQL read it, so numbers, dates and the renewal keep exactly what the event says; each is
 * idempotent, so an event applied twice changes nothing the second time.
 */
@ApplicationScoped
public class SamplingTables {

    private final Jdbc jdbc;

    public SamplingTables(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A pool opened: its row, with no renewals yet. */
    public void open(String poolOpenedJson, ProjectionTables tables) {
        jdbc.update("insert into " + tables.of("sampling_pool") + " (level, year, seed, rate, per_block, block_size,"
                + " renewals, selected, created_at) select p->>'level', (p->>'year')::int, p->>'seed',"
                + " (p->>'rate')::numeric, (p->>'perBlock')::int, (p->>'blockSize')::int, 0, 0,"
                + " (p->>'openedAt')::timestamptz from (select ?::json as p) e on conflict (level, year) do nothing",
                poolOpenedJson);
    }

    /** A renewal drawn: its entry and its pool's counts in one statement; the counts move only when it is new. */
    public void enter(String renewalDrawnJson, ProjectionTables tables) {
        jdbc.update("with e as (select ?::json as p), entered as (insert into " + tables.of("pool_entry")
                + " (renewal_id, certificant_id, level, year, renewed_on, auditable_until, renewal, ordinal, block,"
                + " position, block_size, per_block, draw, selected, entered_at)"
                + " select (p->>'renewalId')::uuid, p->>'certificantId', p->>'level', (p->>'year')::int,"
                + " (p->>'renewedOn')::date, (p->>'auditableUntil')::date, (p->'renewal')::jsonb,"
                + " (p->>'ordinal')::bigint, (p->>'block')::bigint, (p->>'position')::int,"
                + " (p->>'blockSize')::int, (p->>'perBlock')::int, (p->>'draw')::int, (p->>'selected')::boolean,"
                + " (p->>'enteredAt')::timestamptz from e on conflict (renewal_id) do nothing"
                + " returning level, year, ordinal, selected)"
                + " update " + tables.of("sampling_pool") + " pool set renewals = greatest(pool.renewals,"
                + " entered.ordinal), selected = pool.selected + case when entered.selected then 1 else 0 end"
                + " from entered where pool.level = entered.level and pool.year = entered.year",
                renewalDrawnJson);
    }
}
