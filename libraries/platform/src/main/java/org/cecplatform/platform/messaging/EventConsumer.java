package org.cecplatform.platform.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * A topic's consumer in a service: its name in {@code processed_event}, its batches handed to the
 * {@link IdempotentConsumer} with itself as the {@link MessageHandler}, and its registration for requeues of its dead
 * letters. A service's bean extends this class and adds only its channel, an {@code @Incoming} method that calls
 * {@link #consumeBatch}, and what it does with a record. The bean is a {@code @Singleton}: a client proxy would need a
 * no-args constructor this class does not have.
 */
public abstract class EventConsumer<T> implements MessageHandler<T> {

    private final String name;
    private final IdempotentConsumer consumer;

    /** @param name the consumer's name in {@code processed_event} and on its dead letters */
    protected EventConsumer(String name, IdempotentConsumer consumer) {
        this.name = name;
        this.consumer = consumer;
    }

    protected void consumeBatch(ConsumerRecords<String, byte[]> records) {
        consumer.consume(name, records, this);
    }

    /**
     * Eagerly, so that a requeue finds this consumer even before its first delivery after a restart. Inherited by
     * the service's bean (CDI observer methods are).
     */
    protected void registerForRequeues(@Observes StartupEvent started) {
        consumer.register(name, this);
    }
}
