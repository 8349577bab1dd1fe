package org.cecplatform.platform.messaging;

import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The live consumer of {@code cec.ledger.v1} in a service that projects the ledger's credits: batches read by
 * {@link LedgerCreditEvents} (only the ledger-service's events, complete; other event types are not for it),
 * deduplicated on the CloudEvent id by the {@link IdempotentConsumer}, then handed whole to the service's application
 * layer, which checks them ({@link CreditInvariants#check}) and records them. A service's bean extends this class
 * with its channel ({@link EventConsumer}).
 */
public abstract class LedgerCreditsConsumer extends EventConsumer<LedgerCreditEvent> {

    private final LedgerCreditEvents reader;
    private final Consumer<List<LedgerCreditEvent>> live;

    /**
     * @param name the consumer's name in {@code processed_event}
     * @param live what the service does with a batch of new credit events, in its consumer's transaction
     */
    protected LedgerCreditsConsumer(String name, IdempotentConsumer consumer, LedgerCreditEvents reader,
                                    Consumer<List<LedgerCreditEvent>> live) {
        super(name, consumer);
        this.reader = reader;
        this.live = live;
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
