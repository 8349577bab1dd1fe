package org.cecplatform.renewal.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.ledger.CecEarnedV1;
import org.cecplatform.contract.ledger.CecVoidedV1;
import org.cecplatform.platform.messaging.CreditInvariants;
import org.cecplatform.platform.messaging.IdempotentConsumer;
import org.cecplatform.platform.messaging.IncomingEvents;
import org.cecplatform.platform.messaging.MessageHandler;
import org.cecplatform.platform.messaging.RejectedMessageException;
import org.cecplatform.renewal.persistence.CreditRepository;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Projects {@code cec.ledger.v1} into the credits table, deduplicated on the CloudEvent id. Only the ledger-service's
 * events are taken (their {@code ce_source}), and a credit once projected keeps its owner and amount: an event that
 * would change them, or void someone else's credit, is dead-lettered. The same handler serves the live consumer and
 * the rebuild's replay.
 */
@ApplicationScoped
public class LedgerEventsConsumer implements MessageHandler<LedgerMessage> {

    /** The consumer's name in {@code processed_event}. */
    public static final String CONSUMER = "renewal.ledger";

    private final IdempotentConsumer consumer;
    private final IncomingEvents incoming;
    private final CreditRepository credits;

    public LedgerEventsConsumer(IdempotentConsumer consumer, IncomingEvents incoming, CreditRepository credits) {
        this.consumer = consumer;
        this.incoming = incoming;
        this.credits = credits;
    }

    @Incoming("ledger-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumer.consume(CONSUMER, records, this);
    }

    @Override
    public Parsed<LedgerMessage> parse(ConsumerRecord<String, byte[]> record) {
        incoming.requireTopicOwner(record);
        String id = incoming.eventId(record);
        String type = incoming.eventType(record);
        return switch (type) {
            case EventTypes.CEC_EARNED -> {
                CecEarnedV1 earned = incoming.body(record, CecEarnedV1.class);
                require(earned.creditId() != null && present(earned.certificantId()) && earned.completedOn() != null
                        && earned.cecs() != null && present(earned.category()),
                        "CECEarned needs creditId, certificantId, completedOn, category and cecs");
                yield new Parsed<>(id, new LedgerMessage.Earned(earned));
            }
            case EventTypes.CEC_VOIDED -> {
                CecVoidedV1 voided = incoming.body(record, CecVoidedV1.class);
                require(voided.creditId() != null && present(voided.certificantId()),
                        "CECVoided needs creditId and certificantId");
                yield new Parsed<>(id, new LedgerMessage.Voided(voided));
            }
            default -> new Parsed<>(id, new LedgerMessage.Ignored(type));
        };
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
        List<CecEarnedV1> earned = new ArrayList<>(messages.size());
        for (LedgerMessage message : messages) {
            if (message instanceof LedgerMessage.Earned e) {
                earned.add(e.event());
            } else if (message instanceof LedgerMessage.Voided voided) {
                credits.earnedAll(earned);
                earned.clear();
                credits.voided(voided.event());
            }
        }
        credits.earnedAll(earned);
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

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static void require(boolean ok, String reason) {
        if (!ok) {
            throw new RejectedMessageException(reason);
        }
    }
}
