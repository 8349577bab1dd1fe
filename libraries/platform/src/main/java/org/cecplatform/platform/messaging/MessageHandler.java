package org.cecplatform.platform.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a consumer does with one record, in two steps: {@link #parse} reads and checks it (no database), and
 * {@link #apply} changes state inside the consumer's transaction. Either may throw
 * {@link RejectedMessageException} to dead-letter the record. A record of a type the consumer has no use for is
 * parsed as {@link Parsed#notForThisConsumer}: it is neither applied nor recorded (applying nothing twice is
 * harmless), so {@link #apply} only ever sees messages it acts on.
 */
public interface MessageHandler<T> {

    /** A readable message and the key it is deduplicated on (the CloudEvent id, or an intake's own id). */
    record Parsed<T>(String deduplicationKey, T message) {

        public Parsed {
            java.util.Objects.requireNonNull(deduplicationKey, "deduplicationKey");
        }

        /** A readable record this consumer has nothing to do with (another event type on the topic). */
        public static <T> Parsed<T> notForThisConsumer(String deduplicationKey) {
            return new Parsed<>(deduplicationKey, null);
        }

        public boolean isForThisConsumer() {
            return message != null;
        }
    }

    Parsed<T> parse(ConsumerRecord<String, byte[]> record);

    void apply(T message);

    /**
     * Applies new messages of one batch, in their order, in one transaction. The effect must be that of
     * {@link #apply} on each in turn; a handler overrides it to write a batch in fewer round trips.
     */
    default void applyAll(List<T> messages) {
        for (T message : messages) {
            apply(message);
        }
    }
}
