package org.cecplatform.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.Audit;
import org.cecplatform.audit.domain.audit.AuditEvent;
import org.cecplatform.audit.domain.audit.AuditPolicy;
import org.cecplatform.audit.domain.audit.AuditState;
import org.cecplatform.audit.persistence.AuditTable;
import org.cecplatform.platform.outbox.NewEvent;
import org.cecplatform.platform.outbox.StoredEvent;
import org.cecplatform.platform.persistence.StoredJson;
import org.cecplatform.platform.projection.EventLogProjection;
import org.cecplatform.platform.projection.ProjectionTables;

/**
 * {@code audits}: the audit queue (the audit table) projected from the audits' streams. Each row is its audit folded
 * with the same {@link Audit#apply} the commands use, from the row's state on; written in each command's transaction
 * ({@link #applyAppended}, by {@link AuditStore}) and by a rebuild, through the same {@link #apply}, so live and
 * rebuilt rows are alike by design.
 */
@ApplicationScoped
public class AuditsProjection implements EventLogProjection {

    public static final String NAME = "audits";

    private final AuditTable table;
    private final AuditEventStream stream;
    private final AuditPolicy policy;
    private final StoredJson json;

    public AuditsProjection(AuditTable table, AuditEventStream stream, AuditPolicy policy, StoredJson json) {
        this.table = table;
        this.stream = stream;
        this.policy = policy;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(AuditTable.TABLE);
    }

    /** An audit being projected: its row's state (null: none yet), its new events, its stream's last event seen. */
    private static final class Row {
        AuditState from;
        final List<AuditEvent> events = new ArrayList<>();
        long version;
        Instant updatedAt;
    }

    @Override
    public void apply(List<StoredEvent> events, ProjectionTables tables) {
        Map<UUID, Row> touched = new LinkedHashMap<>();
        for (StoredEvent event : events) {
            if (!AuditEventStream.isAuditEvent(event.type())) {
                continue;
            }
            UUID auditId = UUID.fromString(event.aggregateId());
            Row row = touched.computeIfAbsent(auditId, id -> {
                Row r = new Row();
                r.from = table.state(id, tables).orElse(null);
                return r;
            });
            stream.toDomain(event).ifPresent(row.events::add);
            row.version = event.sequence();
            row.updatedAt = event.occurredAt();
        }
        // Events before an audit's start (an imported audit's old public ones) make no row.
        touched.forEach((id, row) -> Audit.fold(policy, row.from, row.events).ifPresent(
                audit -> table.upsert(audit.state(), row.version, row.updatedAt, tables)));
    }

    /**
     * The live path: the events a command just appended after {@code afterSequence}, as the event log now holds them
     * (sequence, JSON payload), applied to the live table in the command's transaction.
     */
    void applyAppended(long afterSequence, List<NewEvent> appended) {
        List<StoredEvent> stored = new ArrayList<>(appended.size());
        long sequence = afterSequence;
        for (NewEvent e : appended) {
            stored.add(new StoredEvent(0, e.eventId(), e.aggregateId(), ++sequence, e.type(), e.topic(),
                    e.certificantId(), e.occurredAt(), json.write(e.payload())));
        }
        apply(stored, ProjectionTables.LIVE);
    }
}
