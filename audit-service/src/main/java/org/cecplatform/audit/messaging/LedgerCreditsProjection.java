package org.cecplatform.audit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.audit.persistence.CreditRepository;
import org.cecplatform.contract.Topics;
import org.cecplatform.contract.ledger.CecEarnedV1;
import org.cecplatform.contract.ledger.CecVoidedV1;
import org.cecplatform.platform.messaging.RejectedMessageException;
import org.cecplatform.platform.projection.ProjectionTables;
import org.cecplatform.platform.projection.TopicProjection;

/**
 * The {@value #NAME} projection of {@code cec.ledger.v1}: every person's ledger credits ({@code ledger_credit}), which
 * audit items naming a credit and the verified CECs of an audit read. The live {@link LedgerEventsConsumer} writes
 * through {@link #applyMessages} (after its deduplication and checks, before its side effects); a rebuild replays the
 * topic through {@link #apply}. Writes are idempotent: a credit keeps its first row (owner and amount never change), and
 * a void marks only its owner's credit, so a rebuild ends where the live consumer did, dead-lettered events included.
 */
@ApplicationScoped
public class LedgerCreditsProjection implements TopicProjection {

    public static final String NAME = "ledger-credits";

    private final LedgerEventReader reader;
    private final CreditRepository credits;

    public LedgerCreditsProjection(LedgerEventReader reader, CreditRepository credits) {
        this.reader = reader;
        this.credits = credits;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("ledger_credit");
    }

    @Override
    public String topic() {
        return Topics.LEDGER;
    }

    @Override
    public void apply(List<ConsumerRecord<String, byte[]>> records, ProjectionTables tables) {
        List<Object> messages = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                Object message = reader.read(record);
                if (message != null) {
                    messages.add(message);
                }
            } catch (RejectedMessageException e) {
                // the live consumer dead-lettered it when it came
            }
        }
        applyMessages(messages, tables);
    }

    /** Credits and voids in their order; consecutive credits in one statement. */
    public void applyMessages(List<?> messages, ProjectionTables tables) {
        List<CecEarnedV1> earned = new ArrayList<>();
        for (Object message : messages) {
            if (message instanceof CecEarnedV1 credit) {
                earned.add(credit);
            } else if (message instanceof CecVoidedV1 voided) {
                record(earned, tables);
                credits.voidCredit(voided.creditId(), voided.certificantId(), tables);
            }
        }
        record(earned, tables);
    }

    private void record(List<CecEarnedV1> earned, ProjectionTables tables) {
        if (!earned.isEmpty()) {
            credits.recordAll(earned, tables);
            earned.clear();
        }
    }
}
