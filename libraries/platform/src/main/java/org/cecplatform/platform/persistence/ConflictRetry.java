package org.cecplatform.platform.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.cecplatform.platform.outbox.ConcurrencyConflictException;

/**
 * Runs a command in its own transaction and, when a concurrent writer took its event sequence number
 * ({@link ConcurrencyConflictException}), runs it again from the start (re-reading the state), so concurrent writes
 * for one person never lose one.
 */
public final class ConflictRetry {

    static final int MAX_ATTEMPTS = 20;

    private ConflictRetry() {
    }

    public static <T> T inNewTransaction(Supplier<T> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(command::get);
            } catch (RuntimeException e) {
                if (!isConflict(e) || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyConflictException) {
                return true;
            }
        }
        return false;
    }

    private static void backOff(int attempt) {
        try {
            // Jitter keeps racing writers from colliding again in lockstep; its range grows with each loss (up to 200 ms)
            // so that ten writers on one stream on a busy machine (slow transactions, wide windows) still all get
            // through within the attempts.
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * Math.min(attempt, 20)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
