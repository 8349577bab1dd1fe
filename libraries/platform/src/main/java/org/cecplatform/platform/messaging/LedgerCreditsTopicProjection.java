package org.cecplatform.platform.messaging;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.Topics;
import org.cecplatform.platform.projection.ProjectionTables;
import org.cecplatform.platform.projection.TopicProjection;

/**
 * The {@value #NAME} projection of a service, rebuilt by replaying {@code cec.ledger.v1}: each record is read as the
 * live {@link LedgerCreditsConsumer} reads it ({@link LedgerCreditEvents}) and the events go to the service's
 * {@link ProjectedLedgerCredits}, which the live path writes through too. A service's bean extends this class.
 */
public abstract class LedgerCreditsTopicProjection implements TopicProjection {

    public static final String NAME = "ledger-credits";

    private final LedgerCreditEvents reader;
    private final ProjectedLedgerCredits credits;

    protected LedgerCreditsTopicProjection(LedgerCreditEvents reader, ProjectedLedgerCredits credits) {
        this.reader = reader;
        this.credits = credits;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return credits.tables();
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
            } catch (RejectedMessageException skipped) {
                // the live consumer dead-lettered it when it came
            }
        }
        credits.write(events, tables);
    }
}
