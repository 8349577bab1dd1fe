package org.cecplatform.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a notice that failed for a temporary reason is tried again: the delay doubles from {@code first} up to
 * {@code longest}; after {@code maxAttempts} tries it is given up (FAILED), so nothing waits forever.
 */
public record Retries(Duration first, Duration longest, int maxAttempts) {

    public Retries {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("retries need 0 < first <= longest and at least one attempt");
        }
    }

    /** After the {@code attempts}-th failed try at {@code now}: when to try again, or empty to give up. */
    public Optional<Instant> next(int attempts, Instant now) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = first.multipliedBy(1L << Math.min(attempts - 1, 20));
        return Optional.of(now.plus(delay.compareTo(longest) > 0 ? longest : delay));
    }
}
