package org.cecplatform.notification.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.ledger.CecVoidedV1;
import org.cecplatform.notification.application.EventNotices;
import org.cecplatform.notification.application.NoticeIntake;
import org.cecplatform.platform.messaging.IdempotentConsumer;
import org.cecplatform.platform.messaging.IncomingEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code cec.ledger.v1}: a credit voided by staff is told to its owner; earned credits are not notices. */
@Singleton
public class LedgerEventsConsumer extends NoticeEventsHandler {

    static final String CONSUMER = "notification.ledger";

    public LedgerEventsConsumer(IdempotentConsumer consumer, IncomingEvents incoming, EventNotices notices,
                                NoticeIntake intake) {
        super(CONSUMER, consumer, incoming, notices, intake);
    }

    @Incoming("ledger-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumeBatch(records);
    }

    @Override
    protected Optional<EventNotices.Reaction> react(String type, String eventId, ConsumerRecord<String, byte[]> record) {
        if (!EventTypes.CEC_VOIDED.equals(type)) {
            return Optional.empty();
        }
        return Optional.of(notices.creditVoided(eventId, incoming.body(record, CecVoidedV1.class)));
    }
}
