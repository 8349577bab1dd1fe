package org.cecplatform.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.AuditState;
import org.cecplatform.platform.projection.ProjectionTables;

/**
 * The writer of the audit table (or its shadow copy): the {@code audits} projection's, and nobody else's (ArchUnit).
 * One row per audit: the columns the queries and the sweep need, the whole state as JSON, and the sequence of the
 * last event of the audit's stream it holds ({@code version}) with that event's time ({@code updated_at}).
 */
@ApplicationScoped
public class AuditTable {

    public static final String TABLE = "audit";

    private final Db db;
    private final Json json;

    public AuditTable(Db db, Json json) {
        this.db = db;
        this.json = json;
    }

    public Optional<AuditState> state(UUID auditId, ProjectionTables tables) {
        return db.one("select state::text from " + tables.of(TABLE) + " where audit_id = ?",
                s -> s.setObject(1, auditId), rs -> json.read(rs.getString(1), AuditState.class));
    }

    public void upsert(AuditState state, long version, Instant updatedAt, ProjectionTables tables) {
        db.update("insert into " + tables.of(TABLE) + " (audit_id, renewal_id, certificant_id, credential, year,"
                + " status, selection_method, opened_on, next_deadline, version, state, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) on conflict (audit_id) do update set"
                + " renewal_id = excluded.renewal_id, certificant_id = excluded.certificant_id,"
                + " credential = excluded.credential, year = excluded.year, status = excluded.status,"
                + " selection_method = excluded.selection_method, opened_on = excluded.opened_on,"
                + " next_deadline = excluded.next_deadline, version = excluded.version, state = excluded.state,"
                + " updated_at = excluded.updated_at", s -> {
                    s.setObject(1, state.auditId());
                    s.setObject(2, state.renewal().renewalId());
                    s.setString(3, state.renewal().certificantId());
                    s.setString(4, state.renewal().level());
                    s.setInt(5, state.renewal().year());
                    s.setString(6, state.status().name());
                    s.setString(7, state.selection().method().name());
                    s.setDate(8, Date.valueOf(state.openedOn()));
                    if (state.nextDeadline() == null) {
                        s.setNull(9, java.sql.Types.DATE);
                    } else {
                        s.setDate(9, Date.valueOf(state.nextDeadline()));
                    }
                    s.setLong(10, version);
                    s.setString(11, json.write(state));
                    s.setTimestamp(12, Timestamp.from(updatedAt));
                });
    }
}
