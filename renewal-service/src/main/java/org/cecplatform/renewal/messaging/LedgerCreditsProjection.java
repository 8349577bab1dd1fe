package org.cecplatform.renewal.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.Topics;
import org.cecplatform.platform.messaging.LedgerCreditEvent;
import org.cecplatform.platform.messaging.LedgerCreditEvents;
import org.cecplatform.platform.messaging.MessageHandler;
import org.cecplatform.platform.projection.ProjectionTables;
import org.cecplatform.platform.projection.TopicProjection;
import org.cecplatform.renewal.application.LedgerCreditsWriter;

/**
 * The ledger's credits as this service counts them (table ledger_credit), projected from {@code cec.ledger.v1}. A
 * rebuild replays the topic through {@link #apply}: it reads each record as the live consumer
 * ({@link LedgerEventsConsumer}) does, with the platform's {@link LedgerCreditEvents}, and hands the credit events to
 * the same writer ({@link LedgerCreditsWriter}).
 */
@ApplicationScoped
public class LedgerCreditsProjection implements TopicProjection {

    public static final String NAME = "ledger-credits";

    private final LedgerCreditEvents reader;
    private final LedgerCreditsWriter writer;

    public LedgerCreditsProjection(LedgerCreditEvents reader, LedgerCreditsWriter writer) {
        this.reader = reader;
        this.writer = writer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return writer.tables();
    }

    @Override
    public String topic() {
        return Topics.LEDGER;
    }

    /** Records that cannot be read are skipped: the live consumer dead-lettered them when they first came. */
    @Override
    public void apply(List<ConsumerRecord<String, byte[]>> records, ProjectionTables tables) {
        List<LedgerCreditEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            MessageHandler.Parsed<LedgerCreditEvent> parsed;
            try {
                parsed = reader.read(record);
            } catch (RuntimeException unreadable) {
                continue;
            }
            if (parsed.isForThisConsumer()) {
                events.add(parsed.message());
            }
        }
        writer.write(events, tables);
    }
}
