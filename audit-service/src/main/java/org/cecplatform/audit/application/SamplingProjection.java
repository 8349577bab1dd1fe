package org.cecplatform.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.cecplatform.audit.domain.sampling.PoolOpened;
import org.cecplatform.audit.domain.sampling.RenewalDrawn;
import org.cecplatform.audit.persistence.SamplingTables;
import org.cecplatform.platform.outbox.NewEvent;
import org.cecplatform.platform.outbox.StoredEvent;
import org.cecplatform.platform.persistence.StoredJson;
import org.cecplatform.platform.projection.EventLogProjection;
import org.cecplatform.platform.projection.ProjectionTables;

/**
 * The {@value #NAME} projection: the level-year pools ({@code sampling_pool}: seed, rate and counts) and their entries
 * ({@code pool_entry}: each renewal's draw), what the sampling report and the draw checks read. Folded from the pools'
 * private events {@link PoolOpened} and {@link RenewalDrawn}. The draw's own transaction calls it with the events it
 * appends ({@link #applyNew}, by {@link PoolStore}), a rebuild with the log: both go through {@link #applyOne} on the
 * event's JSON text, so live and rebuilt rows are the same. Nothing else writes these tables.
 */
@ApplicationScoped
public class SamplingProjection implements EventLogProjection {

    public static final String NAME = "sampling";

    private final SamplingTables tables;
    private final StoredJson json;

    public SamplingProjection(SamplingTables tables, StoredJson json) {
        this.tables = tables;
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
    public void apply(List<StoredEvent> events, ProjectionTables copy) {
        for (StoredEvent event : events) {
            applyOne(event.type(), event.payload(), copy);
        }
    }

    /** The live path: the events a draw is appending, as the JSON the event log stores for them. */
    void applyNew(List<NewEvent> events, ProjectionTables copy) {
        for (NewEvent event : events) {
            applyOne(event.type(), json.write(event.payload()), copy);
        }
    }

    private void applyOne(String type, String payload, ProjectionTables copy) {
        if (PoolOpened.TYPE.equals(type)) {
            tables.open(payload, copy);
        } else if (RenewalDrawn.TYPE.equals(type)) {
            tables.enter(payload, copy);
        }
    }
}
