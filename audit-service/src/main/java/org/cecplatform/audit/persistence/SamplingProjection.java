package org.cecplatform.audit.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.cecplatform.audit.domain.sampling.PoolOpened;
import org.cecplatform.audit.domain.sampling.RenewalDrawn;
import org.cecplatform.platform.outbox.NewEvent;
import org.cecplatform.platform.outbox.StoredEvent;
import org.cecplatform.platform.projection.EventLogProjection;
import org.cecplatform.platform.projection.ProjectionTables;

/**
 * The {@value #NAME} projection: the level-year pools ({@code sampling_pool}: seed, rate and counts) and their entries
 * ({@code pool_entry}: each renewal's draw), what the sampling report and the draw checks read. Folded from the pools'
 * private events {@link PoolOpened} and {@link RenewalDrawn}. The draw's own transaction calls it with the events it
 * appends ({@link #applyNew}), a rebuild with the log: both go through {@link #applyOne} on the event's JSON text, so
 * live and rebuilt rows are the same. Nothing else writes these tables.
 */
@ApplicationScoped
public class SamplingProjection implements EventLogProjection {

    public static final String NAME = "sampling";

    private final Db db;
    private final ObjectMapper json;

    public SamplingProjection(Db db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("sampling_pool", "pool_entry");
    }

    @Override
    public void apply(List<StoredEvent> events, ProjectionTables tables) {
        for (StoredEvent event : events) {
            applyOne(event.type(), event.payload(), tables);
        }
    }

    /** The live path: the events a draw is appending, as the JSON the event log stores for them. */
    public void applyNew(List<NewEvent> events, ProjectionTables tables) {
        for (NewEvent event : events) {
            applyOne(event.type(), toJson(event.payload()), tables);
        }
    }

    /**
     * One event, read by PostgreSQL from its JSON text: numbers, dates and the renewal keep exactly what the event
     * says. Idempotent, so an event applied twice changes nothing the second time.
     */
    private void applyOne(String type, String payload, ProjectionTables tables) {
        if (PoolOpened.TYPE.equals(type)) {
            db.update("insert into " + tables.of("sampling_pool") + " (level, year, seed, rate, per_block, block_size,"
                    + " renewals, selected, created_at) select p->>'level', (p->>'year')::int, p->>'seed',"
                    + " (p->>'rate')::numeric, (p->>'perBlock')::int, (p->>'blockSize')::int, 0, 0,"
                    + " (p->>'openedAt')::timestamptz from (select ?::json as p) e on conflict (level, year) do nothing",
                    s -> s.setString(1, payload));
        } else if (RenewalDrawn.TYPE.equals(type)) {
            // The entry and its pool's counts in one statement; the counts move only when the entry is new.
            db.update("with e as (select ?::json as p), entered as (insert into " + tables.of("pool_entry")
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
                    s -> s.setString(1, payload));
        }
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a pool event cannot be written as JSON", e);
        }
    }
}
