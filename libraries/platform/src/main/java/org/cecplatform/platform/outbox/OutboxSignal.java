package org.cecplatform.platform.outbox;

import jakarta.inject.Singleton;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes the relay as soon as a transaction that appended events commits, so publishing does not wait for a poll. */
@Singleton
public class OutboxSignal {

    private final Semaphore permits = new Semaphore(0);

    void wake() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    /** Waits until woken or the timeout passes. */
    void await(long millis) throws InterruptedException {
        permits.tryAcquire(millis, TimeUnit.MILLISECONDS);
        permits.drainPermits();
    }
}
