package org.cecplatform.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.ledger.CecEarnedV1;
import org.cecplatform.contract.ledger.CecVoidedV1;

/**
 * Reads a {@code cec.ledger.v1} record the way every service that projects the ledger's credits reads it: sent by the
 * ledger-service (its {@code ce_source}), with an id, and a complete body; another event type of the topic is
 * {@link MessageHandler.Parsed#notForThisConsumer}. A live consumer and a rebuild of its projection read alike, so a
 * record the consumer dead-lettered is one the rebuild skips.
 */
@ApplicationScoped
public class LedgerCreditEvents {

    private final IncomingEvents incoming;

    public LedgerCreditEvents(IncomingEvents incoming) {
        this.incoming = incoming;
    }

    /**
     * The record as a credit event.
     *
     * @throws RejectedMessageException another source, no id, an unreadable or incomplete body
     */
    public MessageHandler.Parsed<LedgerCreditEvent> read(ConsumerRecord<String, byte[]> record) {
        incoming.requireTopicOwner(record);
        String id = incoming.eventId(record);
        String type = incoming.eventType(record);
        if (EventTypes.CEC_EARNED.equals(type)) {
            CecEarnedV1 earned = incoming.body(record, CecEarnedV1.class);
            require(earned.creditId() != null && present(earned.certificantId()) && earned.completedOn() != null
                            && present(earned.category()) && earned.cecs() != null && earned.cecs().signum() > 0,
                    "CECEarned needs creditId, certificantId, completedOn, category and positive cecs");
            return new MessageHandler.Parsed<>(id, new LedgerCreditEvent.Earned(earned));
        }
        if (EventTypes.CEC_VOIDED.equals(type)) {
            CecVoidedV1 voided = incoming.body(record, CecVoidedV1.class);
            require(voided.creditId() != null && present(voided.certificantId()),
                    "CECVoided needs creditId and certificantId");
            return new MessageHandler.Parsed<>(id, new LedgerCreditEvent.Voided(voided));
        }
        return MessageHandler.Parsed.notForThisConsumer(id);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static void require(boolean complete, String reason) {
        if (!complete) {
            throw new RejectedMessageException(reason);
        }
    }
}
