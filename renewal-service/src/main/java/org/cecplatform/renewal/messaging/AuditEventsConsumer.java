package org.cecplatform.renewal.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
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
import org.cecplatform.platform.messaging.MessageHandler;
import org.cecplatform.platform.messaging.RejectedMessageException;
import org.cecplatform.renewal.application.AuditOutcome;
import org.cecplatform.renewal.application.CertificationCommands;
import org.cecplatform.renewal.persistence.CreditRepository;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Applies audit outcomes from {@code cec.audits.v1}: AuditOverdue → INACTIVE, AuditCured → the calendar's status,
 * AuditClosed with result FAILED or AuditDecided with outcome FAILED → REVOKED. The replacement CECs an AuditDecided
 * counted toward the audited cycle are left out of every later cycle. Other audit events change nothing here.
 * Only the audit-service's events are taken (their {@code ce_source}); deduplicated on the CloudEvent id; each status
 * change publishes CertificationStatusChanged.
 */
@ApplicationScoped
public class AuditEventsConsumer implements MessageHandler<AuditEventsConsumer.AuditFacts> {

    /** What one audit event means here: a status outcome and/or replacement credits (either may be absent). */
    public record AuditFacts(AuditOutcome outcome, Replacements replacements) {
    }

    /** Ledger credits the audit counted toward the audited cycle (completed after the window the renewal counted). */
    public record Replacements(UUID auditId, UUID renewalId, List<UUID> creditIds) {
    }

    public static final String CONSUMER = "renewal.audits";
    static final String FAILED = "FAILED";

    private final IdempotentConsumer consumer;
    private final IncomingEvents incoming;
    private final CertificationCommands commands;
    private final CreditRepository credits;

    public AuditEventsConsumer(IdempotentConsumer consumer, IncomingEvents incoming, CertificationCommands commands,
                               CreditRepository credits) {
        this.consumer = consumer;
        this.incoming = incoming;
        this.commands = commands;
        this.credits = credits;
    }

    @Incoming("audit-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumer.consume(CONSUMER, records, this);
    }

    @Override
    public Parsed<AuditFacts> parse(ConsumerRecord<String, byte[]> record) {
        incoming.requireTopicOwner(record);
        String id = incoming.eventId(record);
        String type = incoming.eventType(record);
        if (EventTypes.AUDIT_DECIDED.equals(type)) {
            AuditDecidedV1 e = incoming.body(record, AuditDecidedV1.class);
            AuditOutcome failed = FAILED.equals(e.outcome()) ? outcome(AuditOutcome.Kind.FAILED, e.auditId(),
                    e.renewalId(), e.certificantId(), e.credentials(), e.notes()) : null;
            return new Parsed<>(id, new AuditFacts(failed, replacements(e)));
        }
        AuditOutcome outcome = switch (type) {
            case EventTypes.AUDIT_OVERDUE -> {
                AuditOverdueV1 e = incoming.body(record, AuditOverdueV1.class);
                yield outcome(AuditOutcome.Kind.OVERDUE, e.auditId(), e.renewalId(), e.certificantId(),
                        e.credentials(), "proof overdue");
            }
            case EventTypes.AUDIT_CURED -> {
                AuditCuredV1 e = incoming.body(record, AuditCuredV1.class);
                yield outcome(AuditOutcome.Kind.CURED, e.auditId(), e.renewalId(), e.certificantId(),
                        e.credentials(), e.how());
            }
            case EventTypes.AUDIT_CLOSED -> {
                AuditClosedV1 e = incoming.body(record, AuditClosedV1.class);
                yield FAILED.equals(e.result()) ? outcome(AuditOutcome.Kind.FAILED, e.auditId(), e.renewalId(),
                        e.certificantId(), e.credentials(), e.reason()) : null;
            }
            default -> null;
        };
        return new Parsed<>(id, new AuditFacts(outcome, null));
    }

    private static Replacements replacements(AuditDecidedV1 e) {
        if (e.replacementCreditIds().isEmpty()) {
            return null;
        }
        if (e.auditId() == null) {
            throw new RejectedMessageException("AuditDecided with replacement credits needs auditId");
        }
        return new Replacements(e.auditId(), e.renewalId(), e.replacementCreditIds());
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
    public void apply(AuditFacts facts) {
        if (facts.replacements() != null) {
            Replacements r = facts.replacements();
            credits.countedTowardAuditedCycle(r.auditId(), r.renewalId(), r.creditIds());
        }
        if (facts.outcome() != null) {
            commands.apply(facts.outcome());
        }
    }
}
