package org.cecplatform.ledger.messaging;

import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.ledger.application.ConflictingIntakeException;
import org.cecplatform.ledger.application.CreditIntake;
import org.cecplatform.ledger.domain.IntakeCredit;
import org.cecplatform.ledger.domain.IntakeRejectedException;
import org.cecplatform.platform.messaging.IncomingEvents;
import org.cecplatform.platform.messaging.MessageHandler;
import org.cecplatform.platform.messaging.RejectedMessageException;

/**
 * One intake topic's handler: reads a message of type {@code T}, turns it into a verified credit by the intake
 * rules (a broken rule dead-letters it with the reason), and hands the credit to {@link CreditIntake}. The two
 * intake topics differ only in their message type and the rule that reads it.
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
    private final CreditIntake intake;

    IntakeHandler(String consumer, Class<T> messageType, String description, ToCredit<T> toCredit,
                  IncomingEvents incoming, CreditIntake intake) {
        this.consumer = consumer;
        this.messageType = messageType;
        this.description = description;
        this.toCredit = toCredit;
        this.incoming = incoming;
        this.intake = intake;
    }

    String consumer() {
        return consumer;
    }

    @Override
    public Parsed<IntakeCredit> parse(ConsumerRecord<String, byte[]> record) {
        T message = incoming.body(record, messageType);
        try {
            IntakeCredit credit = toCredit.apply(message, intake.today());
            return new Parsed<>(deduplicationKey(credit), credit);
        } catch (IntakeRejectedException e) {
            throw new RejectedMessageException("invalid " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void apply(IntakeCredit credit) {
        try {
            intake.post(credit, consumer);
        } catch (ConflictingIntakeException e) {
            throw new RejectedMessageException(e.getMessage(), e);
        }
    }

    /** A conflicting credit fails the batch; the consumer then applies its records alone, dead-lettering that one. */
    @Override
    public void applyAll(List<IntakeCredit> credits) {
        intake.postAll(credits, consumer);
    }

    /**
     * Deduplication key of an intake message: its own id and what it says, so that a redelivery is skipped while a
     * different message reusing the id still reaches {@link #apply} and is dead-lettered there.
     */
    private static String deduplicationKey(IntakeCredit credit) {
        return credit.externalRef() + "#" + credit.contentHash();
    }
}
