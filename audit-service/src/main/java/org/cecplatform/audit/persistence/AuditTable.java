package org.cecplatform.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.AuditState;
import org.cecplatform.platform.persistence.Jdbc;
import org.cecplatform.platform.persistence.StoredJson;
import org.cecplatform.platform.projection.ProjectionTables;

/**
 * The writer of the audit table (or its shadow copy): the {@code audits} projection's, and nobody else's (ArchUnit).
 * One row per audit: the columns the queries and the sweep need, the whole state as JSON, and the sequence of the
 * last event of the audit's stream it holds ({@code version}) with that event's time ({@code updated_at}).
 */
@ApplicationScoped
public class AuditTable {

    public static final String TABLE = "audit";

    private final Jdbc jdbc;
    private final StoredJson json;

    public AuditTable(Jdbc jdbc, StoredJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The state the row holds, in either copy of the table: where the projection goes on from. */
    public Optional<AuditState> state(UUID auditId, ProjectionTables tables) {
        return jdbc.one("select state::text from " + tables.of(TABLE) + " where audit_id = ?",
                rs -> json.read(rs.getString(1), AuditState.class), auditId);
    }

    public void upsert(AuditState state, long version, Instant updatedAt, ProjectionTables tables) {
        jdbc.update("insert into " + tables.of(TABLE) + " (audit_id, renewal_id, certificant_id, credential, year,"
                        + " status, selection_method, opened_on, next_deadline, version, state, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?::date, ?, ?::jsonb, ?)"
                        + " on conflict (audit_id) do update set"
                        + " renewal_id = excluded.renewal_id, certificant_id = excluded.certificant_id,"
                        + " credential = excluded.credential, year = excluded.year, status = excluded.status,"
                        + " selection_method = excluded.selection_method, opened_on = excluded.opened_on,"
                        + " next_deadline = excluded.next_deadline, version = excluded.version, state = excluded.state,"
                        + " updated_at = excluded.updated_at",
                state.auditId(), state.renewal().renewalId(), state.renewal().certificantId(), state.renewal().level(),
                state.renewal().year(), state.status(), state.selection().method(), state.openedOn(),
                state.nextDeadline(), version, json.write(state), updatedAt);
    }
}
