package org.cecplatform.platform.messaging;

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
}
