package org.cecplatform.renewal.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.cecplatform.platform.messaging.IdempotentConsumer;
import org.cecplatform.platform.messaging.LedgerCreditEvents;
import org.cecplatform.platform.messaging.LedgerCreditsConsumer;
import org.cecplatform.renewal.application.LedgerCreditsWriter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The live consumer of the {@code ledger-credits} projection ({@link LedgerCreditsConsumer}): its batches are checked
 * and written by {@link LedgerCreditsWriter}, whose writes a rebuild uses too.
 */
@Singleton
public class LedgerEventsConsumer extends LedgerCreditsConsumer {

    /** The consumer's name in {@code processed_event}. */
    public static final String CONSUMER = "renewal.ledger";

    public LedgerEventsConsumer(IdempotentConsumer consumer, LedgerCreditEvents reader, LedgerCreditsWriter writer) {
        super(CONSUMER, consumer, reader, writer::writeChecked);
    }

    @Incoming("ledger-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumeBatch(records);
    }
}
