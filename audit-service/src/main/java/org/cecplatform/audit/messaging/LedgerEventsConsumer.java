package org.cecplatform.audit.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.cecplatform.audit.application.LedgerCreditIntake;
import org.cecplatform.platform.messaging.IdempotentConsumer;
import org.cecplatform.platform.messaging.LedgerCreditEvents;
import org.cecplatform.platform.messaging.LedgerCreditsConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code cec.ledger.v1} ({@link LedgerCreditsConsumer}): keeps the projection of each person's ledger credits (an
 * audit item naming one carries its figures), and lets the person's open audits pass as soon as verified credits make
 * the accepted CECs reach the requirement ({@link LedgerCreditIntake}).
 */
@Singleton
public class LedgerEventsConsumer extends LedgerCreditsConsumer {

    static final String CONSUMER = "audit.ledger";

    public LedgerEventsConsumer(IdempotentConsumer consumer, LedgerCreditEvents reader, LedgerCreditIntake intake) {
        super(CONSUMER, consumer, reader, intake::accept);
    }

    @Incoming("ledger-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumeBatch(records);
    }
}
