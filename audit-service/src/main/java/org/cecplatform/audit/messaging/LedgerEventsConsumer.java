package org.cecplatform.audit.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.cecplatform.audit.application.LedgerCreditIntake;
import org.cecplatform.platform.messaging.IdempotentConsumer;
import org.cecplatform.platform.messaging.LedgerCreditEvent;
import org.cecplatform.platform.messaging.LedgerCreditEvents;
import org.cecplatform.platform.messaging.MessageHandler;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code cec.ledger.v1}: keeps the projection of each person's ledger credits (an audit item naming one carries its
 * figures), and lets the person's open audits pass as soon as verified credits make the accepted CECs reach the
 * requirement ({@link LedgerCreditIntake}). Only the ledger-service's events are taken (their {@code ce_source}), and
 * a credit once recorded keeps its owner and amount: an event that would change them, or void someone else's credit,
 * is dead-lettered. Deduplicated on {@code ce_id}.
 */
@ApplicationScoped
public class LedgerEventsConsumer implements MessageHandler<LedgerCreditEvent> {

    static final String CONSUMER = "audit.ledger";

    private final IdempotentConsumer consumer;
    private final LedgerCreditEvents reader;
    private final LedgerCreditIntake intake;

    public LedgerEventsConsumer(IdempotentConsumer consumer, LedgerCreditEvents reader, LedgerCreditIntake intake) {
        this.consumer = consumer;
        this.reader = reader;
        this.intake = intake;
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

    /** The whole batch at once: its credits are checked in one query and recorded in a few statements. */
    @Override
    public void applyAll(List<LedgerCreditEvent> events) {
        intake.accept(events);
    }

    @Override
    public void apply(LedgerCreditEvent event) {
        intake.accept(List.of(event));
    }
}
