package org.cecplatform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cecplatform.audit.application.AuditEventStream;
import org.cecplatform.audit.application.EventPayloads;
import org.cecplatform.audit.domain.audit.Audit;
import org.cecplatform.audit.domain.audit.AuditPolicy;
import org.cecplatform.audit.domain.audit.AuditState;
import org.cecplatform.audit.domain.audit.RenewalUnderAudit;
import org.cecplatform.audit.domain.audit.Selection;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.platform.outbox.NewEvent;
import org.cecplatform.platform.outbox.StoredEvent;
import org.cecplatform.platform.persistence.StoredJson;
import org.cecplatform.testsupport.OlderRelease;
import org.junit.jupiter.api.Test;

/**
 * An audit stored before V4 (its row with the whole state, only public events in its stream) gets from the migration a
 * private AuditStateImported at the end of its stream that folds to the row's state, and its row's version becomes
 * that event's sequence: it loads, and a rebuild gives the same row. Runs the service's own migrations on a database of
 * its own on the test server.
 */
@QuarkusTest
class AuditImportMigrationTest {

    @Inject
    AuditEventStream stream;
    @Inject
    AuditPolicy policy;
    @Inject
    StoredJson json;

    @Test
    void anAuditStoredBeforeV4GetsAnImportEventThatFoldsToItsRow() throws Exception {
        OlderRelease older = OlderRelease.migratedWith(ReleaseBeforeEventSourcing.SCRIPTS);
        String url = older.url();

        UUID auditId = UUID.randomUUID();
        Instant openedAt = Instant.parse("2027-03-01T17:00:00.123456Z");
        Instant extendedAt = Instant.parse("2027-03-02T17:00:00Z");
        RenewalUnderAudit renewal = new RenewalUnderAudit(UUID.randomUUID(), "c-old", "RENEWAL", List.of("CPT"),
                "CPT", 2027, LocalDate.of(2027, 2, 20), LocalDate.of(2024, 5, 10), LocalDate.of(2027, 2, 20),
                new BigDecimal("45"), new BigDecimal("46"), LocalDate.of(2030, 12, 31));
        Audit audit = Audit.open(policy, auditId, renewal, Selection.manual("staff-1"), EventSchemasTest.EVIDENCE,
                openedAt);
        List<NewEvent> old = new ArrayList<>(EventPayloads.toNewEvents(audit.state(), audit.changes()));
        Audit extended = Audit.restore(policy, audit.state());
        extended.extend(LocalDate.of(2027, 4, 20), "illness", "staff-1", extendedAt);
        old.addAll(EventPayloads.toNewEvents(extended.state(), extended.changes()));
        AuditState state = extended.state();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            long sequence = 0;
            for (NewEvent e : old) {
                try (PreparedStatement s = c.prepareStatement("insert into event_log (event_id, aggregate_id,"
                        + " sequence, event_type, topic, partition_key, occurred_at, payload, published_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?::json, now())")) {
                    s.setObject(1, e.eventId());
                    s.setString(2, e.aggregateId());
                    s.setLong(3, ++sequence);
                    s.setString(4, e.type());
                    s.setString(5, e.topic());
                    s.setString(6, e.certificantId());
                    s.setTimestamp(7, Timestamp.from(e.occurredAt()));
                    s.setString(8, json.write(e.payload()));
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("insert into audit (audit_id, renewal_id, certificant_id,"
                    + " credential, year, status, selection_method, opened_on, next_deadline, version, state,"
                    + " updated_at) values (?, ?, 'c-old', 'CPT', 2027, 'OPEN', 'MANUAL', ?, ?, 2, ?::jsonb, ?)")) {
                s.setObject(1, auditId);
                s.setObject(2, renewal.renewalId());
                s.setObject(3, state.openedOn());
                s.setObject(4, state.nextDeadline());
                s.setString(5, json.write(state));
                s.setTimestamp(6, Timestamp.from(extendedAt));
                s.executeUpdate();
            }
        }

        older.upgrade();

        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            List<StoredEvent> events = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select position, event_id, aggregate_id, sequence,"
                    + " event_type, topic, partition_key, occurred_at, payload::text, published_at"
                    + " from event_log where aggregate_id = ? order by sequence")) {
                s.setString(1, auditId.toString());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        events.add(new StoredEvent(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                                rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getTimestamp(8).toInstant(), rs.getString(9)));
                        if (rs.getString(5).equals(AuditEventStream.STATE_IMPORTED)) {
                            assertThat(rs.getString(6)).as("private: no topic").isNull();
                            assertThat(rs.getTimestamp(10)).as("never published").isNull();
                        }
                    }
                }
            }
            assertThat(events).extracting(StoredEvent::type).containsExactly(EventTypes.AUDIT_OPENED,
                    EventTypes.AUDIT_EXTENDED, AuditEventStream.STATE_IMPORTED);
            assertThat(events.get(2).sequence()).isEqualTo(3);
            assertThat(events.get(2).occurredAt()).isEqualTo(extendedAt);
            assertThat(Audit.fold(policy, null, stream.toDomain(events)).orElseThrow().state()).isEqualTo(state);
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select version, updated_at from audit where audit_id = '"
                         + auditId + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(3);
                assertThat(rs.getTimestamp(2).toInstant()).isEqualTo(extendedAt);
            }
        }
    }
}
