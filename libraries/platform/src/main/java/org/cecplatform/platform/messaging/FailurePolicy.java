package org.cecplatform.platform.messaging;

import java.nio.channels.ClosedByInterruptException;
import org.cecplatform.platform.persistence.DatabaseFailures;

/**
 * What {@link IdempotentConsumer} does after a failed attempt. Pure (no framework), so that every case is tested
 * without Quarkus.
 *
 * <p>The order of the questions is the point. Once shutdown has begun, a failure says nothing about the message: the
 * datasource or transaction manager may be closing under the consumer, and a good record would fail like a bad one.
 * Dead-lettering it then would commit its offset and lose it from the projection, so the batch is aborted instead:
 * nothing is committed and the batch is delivered again after the restart. Only a running service dead-letters.
 */
final class FailurePolicy {

    /** A record whose handler keeps failing with a defect (not an outage) is dead-lettered after this many tries. */
    static final int ATTEMPTS_BEFORE_DEAD_LETTER = 3;

    enum Next {
        /** Throw out of the batch method: the connector leaves the batch uncommitted and it is redelivered. */
        ABORT_BATCH,
        /** A passing outage (database away): wait, then try the same again. */
        WAIT_AND_RETRY,
        /** The batch failed for some record's sake: apply its records one per transaction to find which. */
        APPLY_ONE_BY_ONE,
        /** Try the record again: a defect may pass (a conflict with a concurrent writer, say). */
        RETRY,
        /** The record can never be applied: park it on its dead-letter topic with the reason; its offset may be committed. */
        DEAD_LETTER
    }

    private FailurePolicy() {
    }

    /** After applying the whole batch in one transaction failed. */
    static Next afterBatchFailure(Throwable failure, boolean shutdownBegun) {
        if (shutdownBegun || causedByInterruption(failure)) {
            return Next.ABORT_BATCH;
        }
        return DatabaseFailures.isTransient(failure) ? Next.WAIT_AND_RETRY : Next.APPLY_ONE_BY_ONE;
    }

    /** After applying one record alone failed; {@code defectsBefore} counts its earlier failures that were no outage. */
    static Next afterRecordFailure(Throwable failure, int defectsBefore, boolean shutdownBegun) {
        if (shutdownBegun || causedByInterruption(failure)) {
            return Next.ABORT_BATCH;
        }
        if (DatabaseFailures.isTransient(failure)) {
            return Next.WAIT_AND_RETRY;
        }
        if (rejection(failure) != null || defectsBefore + 1 >= ATTEMPTS_BEFORE_DEAD_LETTER) {
            return Next.DEAD_LETTER;
        }
        return Next.RETRY;
    }

    /** A record that could not be read or broke a rule before anything was applied. */
    static Next forUnreadable(boolean shutdownBegun) {
        return shutdownBegun ? Next.ABORT_BATCH : Next.DEAD_LETTER;
    }

    /** The rule the message broke, if the failure is a rejection anywhere in its causes. */
    static RejectedMessageException rejection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RejectedMessageException rejected) {
                return rejected;
            }
        }
        return null;
    }

    /**
     * An interrupted thread is a thread being stopped; libraries often clear the flag and wrap the exception. (Not
     * {@code InterruptedIOException}: its {@code SocketTimeoutException} is an outage, not a stop.)
     */
    static boolean causedByInterruption(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException || t instanceof ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }
}
