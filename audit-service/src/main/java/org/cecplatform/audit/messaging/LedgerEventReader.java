package org.cecplatform.audit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.ledger.CecEarnedV1;
import org.cecplatform.contract.ledger.CecVoidedV1;
import org.cecplatform.platform.messaging.IncomingEvents;
import org.cecplatform.platform.messaging.RejectedMessageException;

/**
 * Reads a {@code cec.ledger.v1} record into what the ledger credits projection takes: a {@link CecEarnedV1}, a
 * {@link CecVoidedV1}, or null for an event type it has no use for. The live consumer and a rebuild read alike, so a
 * record the consumer dead-lettered is one a rebuild skips.
 */
@ApplicationScoped
public class LedgerEventReader {

    private final IncomingEvents incoming;

    public LedgerEventReader(IncomingEvents incoming) {
        this.incoming = incoming;
    }

    /** The whole check: the topic's owner sent it, it has an id, its body is complete. */
    public Object read(ConsumerRecord<String, byte[]> record) {
        incoming.requireTopicOwner(record);
        incoming.eventId(record);
        return body(record);
    }

    /**
     * The body by its type.
     *
     * @throws RejectedMessageException an unreadable or incomplete body
     */
    Object body(ConsumerRecord<String, byte[]> record) {
        String type = incoming.eventType(record);
        if (EventTypes.CEC_EARNED.equals(type)) {
            CecEarnedV1 earned = incoming.body(record, CecEarnedV1.class);
            if (earned.creditId() == null || earned.certificantId() == null || earned.completedOn() == null
                    || earned.cecs() == null || earned.cecs().signum() <= 0) {
                throw new RejectedMessageException("CECEarned needs creditId, certificantId, completedOn and"
                        + " positive cecs");
            }
            return earned;
        }
        if (EventTypes.CEC_VOIDED.equals(type)) {
            CecVoidedV1 voided = incoming.body(record, CecVoidedV1.class);
            if (voided.creditId() == null || voided.certificantId() == null) {
                throw new RejectedMessageException("CECVoided needs creditId and certificantId");
            }
            return voided;
        }
        return null;
    }
}
