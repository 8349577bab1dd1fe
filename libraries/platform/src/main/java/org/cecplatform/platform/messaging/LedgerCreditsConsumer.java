package org.cecplatform.platform.messaging;

import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * The live consumer of {@code cec.ledger.v1} in a service that projects the ledger's credits: batches read by
 * {@link LedgerCreditEvents} (only the ledger-service's events, complete; other event types are not for it),
 * deduplicated on the CloudEvent id by the {@link IdempotentConsumer}, then handed whole to the service's application
 * layer, which checks them ({@link CreditInvariants#check}) and records them. A service's bean extends this class
 * with its channel: an {@code @Incoming} method that calls {@link #consumeBatch}, and a start-up observer that calls
 * {@link #registerForRequeues}.
 */
public abstract class LedgerCreditsConsumer implements MessageHandler<LedgerCreditEvent> {

    private final String name;
    private final IdempotentConsumer consumer;
    private final LedgerCreditEvents reader;
    private final Consumer<List<LedgerCreditEvent>> live;

    /**
     * @param name the consumer's name in {@code processed_event}
     * @param live what the service does with a batch of new credit events, in its consumer's transaction
     */
    protected LedgerCreditsConsumer(String name, IdempotentConsumer consumer, LedgerCreditEvents reader,
                                    Consumer<List<LedgerCreditEvent>> live) {
        this.name = name;
        this.consumer = consumer;
        this.reader = reader;
        this.live = live;
    }

    /** For the subclass's start-up observer: makes this the handler a requeue of its dead letters goes to. */
    protected void registerForRequeues() {
        consumer.register(name, this);
    }

    protected void consumeBatch(ConsumerRecords<String, byte[]> records) {
        consumer.consume(name, records, this);
    }

    @Override
    public Parsed<LedgerCreditEvent> parse(ConsumerRecord<String, byte[]> record) {
        return reader.read(record);
    }

    /** The whole batch at once: its credits are checked in one query and written in a few statements. */
    @Override
    public void applyAll(List<LedgerCreditEvent> events) {
        live.accept(events);
    }

    @Override
    public void apply(LedgerCreditEvent event) {
        live.accept(List.of(event));
    }
}
