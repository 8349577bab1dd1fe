package org.cecplatform.notification.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.audit.AuditClosedV1;
import org.cecplatform.contract.audit.AuditDecidedV1;
import org.cecplatform.contract.audit.AuditExtendedV1;
import org.cecplatform.contract.audit.AuditOpenedV1;
import org.cecplatform.contract.audit.AuditOverdueV1;
import org.cecplatform.contract.audit.AuditProofSubmittedV1;
import org.cecplatform.notification.application.EventNotices;
import org.cecplatform.notification.application.NoticeIntake;
import org.cecplatform.platform.messaging.IdempotentConsumer;
import org.cecplatform.platform.messaging.IncomingEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code cec.audits.v1}: opened, extended, proof received, remediation, overdue, passed and failed (told on closing);
 * the open audits' due dates are kept for the proof reminders. A cure is not told (the status change is).
 */
@Singleton
public class AuditEventsConsumer extends NoticeEventsHandler {

    static final String CONSUMER = "notification.audits";

    public AuditEventsConsumer(IdempotentConsumer consumer, IncomingEvents incoming, EventNotices notices,
                               NoticeIntake intake) {
        super(CONSUMER, consumer, incoming, notices, intake);
    }

    @Incoming("audit-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumeBatch(records);
    }

    @Override
    protected Optional<EventNotices.Reaction> react(String type, String eventId, ConsumerRecord<String, byte[]> record) {
        return Optional.ofNullable(switch (type) {
            case EventTypes.AUDIT_OPENED -> notices.auditOpened(eventId, incoming.body(record, AuditOpenedV1.class));
            case EventTypes.AUDIT_EXTENDED ->
                    notices.auditExtended(eventId, incoming.body(record, AuditExtendedV1.class));
            case EventTypes.AUDIT_PROOF_SUBMITTED ->
                    notices.proofSubmitted(eventId, incoming.body(record, AuditProofSubmittedV1.class));
            case EventTypes.AUDIT_DECIDED -> notices.auditDecided(eventId, incoming.body(record, AuditDecidedV1.class));
            case EventTypes.AUDIT_OVERDUE -> notices.auditOverdue(eventId, incoming.body(record, AuditOverdueV1.class));
            case EventTypes.AUDIT_CLOSED -> notices.auditClosed(eventId, incoming.body(record, AuditClosedV1.class));
            default -> null;
        });
    }
}
