package org.cecplatform.platform.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a consumer does with one record, in two steps: {@link #parse} reads and checks it (no database), and
 * {@link #apply} changes state inside the consumer's transaction. Either may throw
 * {@link RejectedMessageException} to dead-letter the record.
 */
public interface MessageHandler<T> {

    /** A readable message and the key it is deduplicated on (the CloudEvent id, or an intake's own id). */
    record Parsed<T>(String deduplicationKey, T message) {
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
