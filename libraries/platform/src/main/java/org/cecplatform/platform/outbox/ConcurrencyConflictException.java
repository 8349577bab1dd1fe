package org.cecplatform.platform.outbox;

/**
 * Another writer appended to the same aggregate first (the unique aggregate/sequence was taken). The command is
 * retried from the start in a new transaction by {@link org.cecplatform.platform.persistence.ConflictRetry#inNewTransaction}.
 */
public class ConcurrencyConflictException extends RuntimeException {

    public ConcurrencyConflictException(String aggregateId, long sequence, Throwable cause) {
        super("sequence " + sequence + " of " + aggregateId + " was taken by a concurrent write", cause);
    }
}
