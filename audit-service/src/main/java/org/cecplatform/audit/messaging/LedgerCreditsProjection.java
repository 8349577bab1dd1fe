package org.cecplatform.audit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.audit.application.LedgerCreditsWriter;
import org.cecplatform.contract.Topics;
import org.cecplatform.platform.messaging.LedgerCreditEvent;
import org.cecplatform.platform.messaging.LedgerCreditEvents;
import org.cecplatform.platform.messaging.MessageHandler;
import org.cecplatform.platform.messaging.RejectedMessageException;
import org.cecplatform.platform.projection.ProjectionTables;
import org.cecplatform.platform.projection.TopicProjection;

/**
 * The {@value #NAME} projection of {@code cec.ledger.v1}, rebuilt by replaying the topic: each record is read as the
 * live {@link LedgerEventsConsumer} reads it ({@link LedgerCreditEvents}) and the events are handed to the
 * projection's writer, {@link LedgerCreditsWriter}, which the live path writes through too.
 */
@ApplicationScoped
public class LedgerCreditsProjection implements TopicProjection {

    public static final String NAME = "ledger-credits";

    private final LedgerCreditEvents reader;
    private final LedgerCreditsWriter credits;

    public LedgerCreditsProjection(LedgerCreditEvents reader, LedgerCreditsWriter credits) {
        this.reader = reader;
        this.credits = credits;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(LedgerCreditsWriter.TABLE);
    }

    @Override
    public String topic() {
        return Topics.LEDGER;
    }

    @Override
    public void apply(List<ConsumerRecord<String, byte[]>> records, ProjectionTables tables) {
        List<LedgerCreditEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                MessageHandler.Parsed<LedgerCreditEvent> parsed = reader.read(record);
                if (parsed.isForThisConsumer()) {
                    events.add(parsed.message());
                }
            } catch (RejectedMessageException e) {
                // the live consumer dead-lettered it when it came
            }
        }
        credits.apply(events, tables);
    }
}
