package org.cecplatform.renewal.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.cecplatform.platform.messaging.IdempotentConsumer;
import org.cecplatform.platform.messaging.LedgerCreditEvent;
import org.cecplatform.platform.messaging.LedgerCreditEvents;
import org.cecplatform.platform.messaging.MessageHandler;
import org.cecplatform.renewal.application.LedgerCreditsWriter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The live consumer of the {@code ledger-credits} projection: batches of {@code cec.ledger.v1}, read by the platform's
 * {@link LedgerCreditEvents} (only the ledger-service's, complete; other event types are not for it), deduplicated on
 * the CloudEvent id, then checked and written by {@link LedgerCreditsWriter}, whose writes a rebuild uses too. A
 * credit event that would change a projected credit's owner or amount, or void someone else's, is dead-lettered.
 */
@ApplicationScoped
public class LedgerEventsConsumer implements MessageHandler<LedgerCreditEvent> {

    /** The consumer's name in {@code processed_event}. */
    public static final String CONSUMER = "renewal.ledger";

    private final IdempotentConsumer consumer;
    private final LedgerCreditEvents reader;
    private final LedgerCreditsWriter writer;

    public LedgerEventsConsumer(IdempotentConsumer consumer, LedgerCreditEvents reader, LedgerCreditsWriter writer) {
        this.consumer = consumer;
        this.reader = reader;
        this.writer = writer;
    }

    @Incoming("ledger-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumer.consume(CONSUMER, records, this);
    }

    @Override
    public Parsed<LedgerCreditEvent> parse(ConsumerRecord<String, byte[]> record) {
        return reader.read(record);
    }

    @Override
    public void apply(LedgerCreditEvent event) {
        applyAll(List.of(event));
    }

    @Override
    public void applyAll(List<LedgerCreditEvent> events) {
        writer.writeChecked(events);
    }
}
