package org.cecplatform.renewal.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.cecplatform.platform.messaging.CreditInvariants;
import org.cecplatform.platform.messaging.IdempotentConsumer;
import org.cecplatform.platform.messaging.MessageHandler;
import org.cecplatform.platform.projection.ProjectionTables;
import org.cecplatform.renewal.persistence.CreditRepository;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The live consumer of the {@code ledger-credits} projection: batches of {@code cec.ledger.v1}, deduplicated on the
 * CloudEvent id, checked (a credit once projected keeps its owner and amount: an event that would change them, or void
 * someone else's credit, is dead-lettered), then written through the projection's own code
 * ({@link LedgerCreditsProjection#write}), which a rebuild uses too.
 */
@ApplicationScoped
public class LedgerEventsConsumer implements MessageHandler<LedgerMessage> {

    /** The consumer's name in {@code processed_event}. */
    public static final String CONSUMER = "renewal.ledger";

    private final IdempotentConsumer consumer;
    private final LedgerCreditsProjection projection;
    private final CreditRepository credits;

    public LedgerEventsConsumer(IdempotentConsumer consumer, LedgerCreditsProjection projection,
                                CreditRepository credits) {
        this.consumer = consumer;
        this.projection = projection;
        this.credits = credits;
    }

    @Incoming("ledger-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumer.consume(CONSUMER, records, this);
    }

    @Override
    public Parsed<LedgerMessage> parse(ConsumerRecord<String, byte[]> record) {
        return projection.parse(record);
    }

    @Override
    public void apply(LedgerMessage message) {
        applyAll(List.of(message));
    }

    /**
     * Checks the batch against the credits it names (one query: a credit never changes owner or amount, only its owner
     * voids it), then writes: consecutive credits go to the projection in one JDBC batch; a void waits for the
     * credits before it.
     */
    @Override
    public void applyAll(List<LedgerMessage> messages) {
        rejectChangedCredits(messages);
        projection.write(messages, ProjectionTables.LIVE);
    }

    private void rejectChangedCredits(List<LedgerMessage> messages) {
        Set<UUID> creditIds = new HashSet<>();
        for (LedgerMessage message : messages) {
            if (message instanceof LedgerMessage.Earned e) {
                creditIds.add(e.event().creditId());
            } else if (message instanceof LedgerMessage.Voided v) {
                creditIds.add(v.event().creditId());
            }
        }
        if (creditIds.isEmpty()) {
            return;
        }
        CreditInvariants invariants = new CreditInvariants(credits.recorded(creditIds));
        for (LedgerMessage message : messages) {
            if (message instanceof LedgerMessage.Earned e) {
                invariants.earned(e.event());
            } else if (message instanceof LedgerMessage.Voided v) {
                invariants.voided(v.event());
            }
        }
    }
}
