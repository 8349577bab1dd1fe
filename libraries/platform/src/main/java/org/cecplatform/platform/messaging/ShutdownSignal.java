package org.cecplatform.platform.messaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Whether this service has begun to shut down: from Quarkus' {@link ShutdownEvent} on (fired before the Kafka
 * connector closes its consumers and before the datasource and transaction manager go away), or on a thread that was
 * interrupted. From then on a failure says nothing about the message (the database pool may be closing under it), so
 * consumers dead-letter nothing and abort the batch instead: it stays uncommitted and is delivered again after the
 * restart.
 */
@ApplicationScoped
public class ShutdownSignal {

    private final CountDownLatch begun = new CountDownLatch(1);

    void begin(@Observes ShutdownEvent event) {
        begun.countDown();
    }

    public boolean hasBegun() {
        return begun.getCount() == 0 || Thread.currentThread().isInterrupted();
    }

    /**
     * Waits up to {@code millis} unless shutdown begins meanwhile; true when it has begun (so a pause between retries
     * never holds up a shutdown).
     */
    public boolean awaitBegun(long millis) throws InterruptedException {
        return begun.await(millis, TimeUnit.MILLISECONDS) || Thread.currentThread().isInterrupted();
    }
}
