package org.cecplatform.audit.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.cecplatform.audit.application.AuditCommands;
import org.cecplatform.audit.persistence.AuditRepository;
import org.cecplatform.audit.persistence.CreditRepository;
import org.cecplatform.contract.ledger.CecEarnedV1;
import org.cecplatform.contract.ledger.CecVoidedV1;
import org.cecplatform.platform.messaging.CreditInvariants;
import org.cecplatform.platform.messaging.IdempotentConsumer;
import org.cecplatform.platform.messaging.IncomingEvents;
import org.cecplatform.platform.messaging.MessageHandler;
import org.cecplatform.platform.projection.ProjectionTables;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code cec.ledger.v1}: keeps the projection of each person's ledger credits (an audit item naming one carries its
 * figures), and lets the person's open audits pass as soon as verified credits make the accepted CECs reach the
 * requirement. Only the ledger-service's events are taken (their {@code ce_source}), and a credit once recorded keeps
 * its owner and amount: an event that would change them, or void someone else's credit, is dead-lettered.
 * Deduplicated on {@code ce_id}.
 */
@ApplicationScoped
public class LedgerEventsConsumer implements MessageHandler<Object> {

    static final String CONSUMER = "audit.ledger";

    private final IdempotentConsumer consumer;
    private final IncomingEvents incoming;
    private final LedgerEventReader reader;
    private final CreditRepository credits;
    private final LedgerCreditsProjection projection;
    private final AuditRepository audits;
    private final AuditCommands commands;

    public LedgerEventsConsumer(IdempotentConsumer consumer, IncomingEvents incoming, LedgerEventReader reader,
                                CreditRepository credits, LedgerCreditsProjection projection, AuditRepository audits,
                                AuditCommands commands) {
        this.consumer = consumer;
        this.incoming = incoming;
        this.reader = reader;
        this.credits = credits;
        this.projection = projection;
        this.audits = audits;
        this.commands = commands;
    }

    @Incoming("ledger-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumer.consume(CONSUMER, records, this);
    }

    @Override
    public Parsed<Object> parse(ConsumerRecord<String, byte[]> record) {
        incoming.requireTopicOwner(record);
        String eventId = incoming.eventId(record);
        return new Parsed<>(eventId, reader.body(record));
    }

    /**
     * A batch in a few statements: first the credits it names are read in one query and checked (a credit never
     * changes owner or amount, only its owner voids it); then consecutive credits are recorded together through the
     * projection, and the open audits of just the people among them with a new verified credit and an open audit are
     * re-checked (a side effect, kept out of the projection so that a rebuild has none). A void first records the
     * credits before it, so the order of the batch is kept.
     */
    @Override
    public void applyAll(List<Object> messages) {
        rejectChangedCredits(messages);
        List<CecEarnedV1> earned = new ArrayList<>();
        for (Object message : messages) {
            if (message instanceof CecEarnedV1 credit) {
                earned.add(credit);
            } else if (message instanceof CecVoidedV1 voided) {
                record(earned);
                // A voided credit never counts again; audits already passed on it stay passed (decisions are final).
                projection.applyMessages(List.of(voided), ProjectionTables.LIVE);
            }
        }
        record(earned);
    }

    private void rejectChangedCredits(List<Object> messages) {
        Set<UUID> creditIds = new HashSet<>();
        for (Object message : messages) {
            if (message instanceof CecEarnedV1 earned) {
                creditIds.add(earned.creditId());
            } else if (message instanceof CecVoidedV1 voided) {
                creditIds.add(voided.creditId());
            }
        }
        if (creditIds.isEmpty()) {
            return;
        }
        CreditInvariants invariants = new CreditInvariants(credits.recorded(creditIds));
        for (Object message : messages) {
            if (message instanceof CecEarnedV1 earned) {
                invariants.earned(earned);
            } else if (message instanceof CecVoidedV1 voided) {
                invariants.voided(voided);
            }
        }
    }

    private void record(List<CecEarnedV1> earned) {
        if (earned.isEmpty()) {
            return;
        }
        projection.applyMessages(earned, ProjectionTables.LIVE);
        Set<String> withNewVerified = new LinkedHashSet<>();
        earned.stream().filter(CecEarnedV1::verified).forEach(credit -> withNewVerified.add(credit.certificantId()));
        earned.clear();
        if (withNewVerified.isEmpty()) {
            return;
        }
        Set<String> auditing = audits.withUnfinishedAudits(withNewVerified);
        for (String person : withNewVerified) {
            if (auditing.contains(person)) {
                commands.creditsChanged(person);
            }
        }
    }

    @Override
    public void apply(Object message) {
        applyAll(Collections.singletonList(message)); // null: an event type this consumer has no use for
    }
}
