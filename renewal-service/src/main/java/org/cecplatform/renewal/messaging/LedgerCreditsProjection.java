package org.cecplatform.renewal.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.contract.ledger.CecEarnedV1;
import org.cecplatform.contract.ledger.CecVoidedV1;
import org.cecplatform.platform.messaging.IncomingEvents;
import org.cecplatform.platform.messaging.MessageHandler;
import org.cecplatform.platform.messaging.RejectedMessageException;
import org.cecplatform.platform.projection.ProjectionTables;
import org.cecplatform.platform.projection.TopicProjection;
import org.cecplatform.renewal.persistence.LedgerCreditTables;

/**
 * The ledger's credits as this service counts them (table ledger_credit), projected from {@code cec.ledger.v1}. The
 * live consumer ({@link LedgerEventsConsumer}) reads, checks and deduplicates, then writes through {@link #write}; a
 * rebuild replays the topic into the shadow table through {@link #apply}, which reads the same way and writes through
 * the same {@link #write}. Only the ledger-service's events are taken (their {@code ce_source}).
 */
@ApplicationScoped
public class LedgerCreditsProjection implements TopicProjection {

    public static final String NAME = "ledger-credits";

    private final IncomingEvents incoming;
    private final LedgerCreditTables rows;

    public LedgerCreditsProjection(IncomingEvents incoming, LedgerCreditTables rows) {
        this.incoming = incoming;
        this.rows = rows;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(LedgerCreditTables.LEDGER_CREDIT);
    }

    @Override
    public String topic() {
        return Topics.LEDGER;
    }

    /** A record as a ledger message, or {@link RejectedMessageException} (the live consumer dead-letters it). */
    MessageHandler.Parsed<LedgerMessage> parse(ConsumerRecord<String, byte[]> record) {
        incoming.requireTopicOwner(record);
        String id = incoming.eventId(record);
        String type = incoming.eventType(record);
        return switch (type) {
            case EventTypes.CEC_EARNED -> {
                CecEarnedV1 earned = incoming.body(record, CecEarnedV1.class);
                require(earned.creditId() != null && present(earned.certificantId()) && earned.completedOn() != null
                        && earned.cecs() != null && present(earned.category()),
                        "CECEarned needs creditId, certificantId, completedOn, category and cecs");
                yield new MessageHandler.Parsed<>(id, new LedgerMessage.Earned(earned));
            }
            case EventTypes.CEC_VOIDED -> {
                CecVoidedV1 voided = incoming.body(record, CecVoidedV1.class);
                require(voided.creditId() != null && present(voided.certificantId()),
                        "CECVoided needs creditId and certificantId");
                yield new MessageHandler.Parsed<>(id, new LedgerMessage.Voided(voided));
            }
            default -> new MessageHandler.Parsed<>(id, new LedgerMessage.Ignored(type));
        };
    }

    /** Records that cannot be read are skipped: the live consumer dead-lettered them when they first came. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<ConsumerRecord<String, byte[]>> records, ProjectionTables tables) {
        List<LedgerMessage> messages = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                messages.add(parse(record).message());
            } catch (RuntimeException unreadable) {
                // skipped, as the live consumer's dead-letter topic holds it
            }
        }
        write(messages, tables);
    }

    /** Consecutive credits go in one JDBC batch; a void waits for the credits before it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(List<LedgerMessage> messages, ProjectionTables tables) {
        List<CecEarnedV1> earned = new ArrayList<>(messages.size());
        for (LedgerMessage message : messages) {
            if (message instanceof LedgerMessage.Earned e) {
                earned.add(e.event());
            } else if (message instanceof LedgerMessage.Voided voided) {
                rows.earned(earned, tables);
                earned.clear();
                rows.voided(voided.event(), tables);
            }
        }
        rows.earned(earned, tables);
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
