package org.cecplatform.ledger.messaging;

import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.ledger.domain.IntakeCredit;
import org.cecplatform.ledger.domain.IntakeRejectedException;
import org.cecplatform.platform.messaging.IncomingEvents;
import org.cecplatform.platform.messaging.MessageHandler;
import org.cecplatform.platform.messaging.RejectedMessageException;

/**
 * One intake topic's handler: reads a message of type {@code T}, turns it into a verified credit by the intake
 * rules (a broken rule dead-letters it with the reason), and posts credits once each. The two intake topics differ
 * only in their message type and the rule that reads it.
 */
final class IntakeHandler<T> implements MessageHandler<IntakeCredit> {

    /** The intake rule for one message type: the message and today's date in the policy zone → a credit. */
    interface ToCredit<T> {
        IntakeCredit apply(T message, LocalDate today);
    }

    private final String consumer;
    private final Class<T> messageType;
    private final String description;
    private final ToCredit<T> toCredit;
    private final IncomingEvents incoming;
    private final IntakePosting posting;

    IntakeHandler(String consumer, Class<T> messageType, String description, ToCredit<T> toCredit,
                  IncomingEvents incoming, IntakePosting posting) {
        this.consumer = consumer;
        this.messageType = messageType;
        this.description = description;
        this.toCredit = toCredit;
        this.incoming = incoming;
        this.posting = posting;
    }

    String consumer() {
        return consumer;
    }

    @Override
    public Parsed<IntakeCredit> parse(ConsumerRecord<String, byte[]> record) {
        T message = incoming.body(record, messageType);
        try {
            IntakeCredit credit = toCredit.apply(message, posting.today());
            return new Parsed<>(IntakePosting.deduplicationKey(credit), credit);
        } catch (IntakeRejectedException e) {
            throw new RejectedMessageException("invalid " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void apply(IntakeCredit credit) {
        posting.post(credit, consumer);
    }

    @Override
    public void applyAll(List<IntakeCredit> credits) {
        posting.postAll(credits, consumer);
    }
}
