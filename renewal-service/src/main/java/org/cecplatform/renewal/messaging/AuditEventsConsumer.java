package org.cecplatform.renewal.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.audit.AuditClosedV1;
import org.cecplatform.contract.audit.AuditCuredV1;
import org.cecplatform.contract.audit.AuditDecidedV1;
import org.cecplatform.contract.audit.AuditOverdueV1;
import org.cecplatform.platform.messaging.IdempotentConsumer;
import org.cecplatform.platform.messaging.IncomingEvents;
import org.cecplatform.platform.messaging.EventConsumer;
import org.cecplatform.platform.messaging.RejectedMessageException;
import org.cecplatform.renewal.application.AuditFindings;
import org.cecplatform.renewal.application.AuditOutcome;
import org.cecplatform.renewal.application.CertificationCommands;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads audit outcomes from {@code cec.audits.v1} and hands them to {@link CertificationCommands}: AuditOverdue →
 * INACTIVE, AuditCured → the calendar's status, AuditClosed with result FAILED or AuditDecided with outcome FAILED
 * → REVOKED; the replacement CECs an AuditDecided counted toward the audited cycle are left out of every later
 * cycle. An audit event that asks for none of these is not for this consumer. Only the audit-service's events are
 * taken (their {@code ce_source}); deduplicated on the CloudEvent id.
 */
@Singleton
public class AuditEventsConsumer extends EventConsumer<AuditFindings> {

    public static final String CONSUMER = "renewal.audits";
    static final String FAILED = "FAILED";

    private final IncomingEvents incoming;
    private final CertificationCommands commands;

    public AuditEventsConsumer(IdempotentConsumer consumer, IncomingEvents incoming, CertificationCommands commands) {
        super(CONSUMER, consumer);
        this.incoming = incoming;
        this.commands = commands;
    }

    @Incoming("audit-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumeBatch(records);
    }

    @Override
    public Parsed<AuditFindings> parse(ConsumerRecord<String, byte[]> record) {
        incoming.requireTopicOwner(record);
        String id = incoming.eventId(record);
        AuditOutcome outcome = null;
        AuditFindings.ReplacementCredits replacements = null;
        switch (incoming.eventType(record)) {
            case EventTypes.AUDIT_DECIDED -> {
                AuditDecidedV1 e = incoming.body(record, AuditDecidedV1.class);
                if (FAILED.equals(e.outcome())) {
                    outcome = outcome(AuditOutcome.Kind.FAILED, e.auditId(), e.renewalId(), e.certificantId(),
                            e.credentials(), e.notes());
                }
                replacements = replacements(e);
            }
            case EventTypes.AUDIT_OVERDUE -> {
                AuditOverdueV1 e = incoming.body(record, AuditOverdueV1.class);
                outcome = outcome(AuditOutcome.Kind.OVERDUE, e.auditId(), e.renewalId(), e.certificantId(),
                        e.credentials(), "proof overdue");
            }
            case EventTypes.AUDIT_CURED -> {
                AuditCuredV1 e = incoming.body(record, AuditCuredV1.class);
                outcome = outcome(AuditOutcome.Kind.CURED, e.auditId(), e.renewalId(), e.certificantId(),
                        e.credentials(), e.how());
            }
            case EventTypes.AUDIT_CLOSED -> {
                AuditClosedV1 e = incoming.body(record, AuditClosedV1.class);
                if (FAILED.equals(e.result())) {
                    outcome = outcome(AuditOutcome.Kind.FAILED, e.auditId(), e.renewalId(), e.certificantId(),
                            e.credentials(), e.reason());
                }
            }
            default -> {
                // another audit event: nothing here depends on it
            }
        }
        return outcome == null && replacements == null ? Parsed.notForThisConsumer(id)
                : new Parsed<>(id, new AuditFindings(outcome, replacements));
    }

    private static AuditFindings.ReplacementCredits replacements(AuditDecidedV1 e) {
        if (e.replacementCreditIds().isEmpty()) {
            return null;
        }
        if (e.auditId() == null) {
            throw new RejectedMessageException("AuditDecided with replacement credits needs auditId");
        }
        return new AuditFindings.ReplacementCredits(e.auditId(), e.renewalId(), e.replacementCreditIds(),
                e.decidedAt());
    }

    private static AuditOutcome outcome(AuditOutcome.Kind kind, UUID auditId, UUID renewalId, String certificantId,
                                        List<String> credentials, String reason) {
        if (auditId == null || certificantId == null || certificantId.isBlank()) {
            throw new RejectedMessageException("an audit outcome needs auditId and certificantId");
        }
        if (renewalId == null && (credentials == null || credentials.isEmpty())) {
            throw new RejectedMessageException("an audit outcome needs the renewalId or the credentials it is about");
        }
        return new AuditOutcome(kind, auditId, renewalId, certificantId, credentials, reason);
    }

    @Override
    public void apply(AuditFindings findings) {
        commands.apply(findings);
    }
}
