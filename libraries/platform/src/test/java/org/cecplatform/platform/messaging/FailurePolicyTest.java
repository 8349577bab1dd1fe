package org.cecplatform.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.platform.messaging.FailurePolicy.Next.ABORT_BATCH;
import static org.cecplatform.platform.messaging.FailurePolicy.Next.APPLY_ONE_BY_ONE;
import static org.cecplatform.platform.messaging.FailurePolicy.Next.DEAD_LETTER;
import static org.cecplatform.platform.messaging.FailurePolicy.Next.RETRY;
import static org.cecplatform.platform.messaging.FailurePolicy.Next.WAIT_AND_RETRY;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {

    static final RuntimeException OUTAGE = new IllegalStateException(new ConnectException("Connection refused"));
    /** What Agroal says once the datasource is closed at shutdown: no SQLSTATE, not an outage by its looks. */
    static final RuntimeException POOL_CLOSED = new IllegalStateException(
            new SQLException("This pool is closed and does not handle any more connections!"));
    static final RuntimeException REJECTION = new IllegalStateException(new RejectedMessageException("cecs must be positive"));
    static final RuntimeException INTERRUPTED = new IllegalStateException(new InterruptedException());

    @Test
    void aBatchThatFailsForSomeRecordsSakeIsAppliedOneByOneWhileRunning() {
        assertThat(FailurePolicy.afterBatchFailure(POOL_CLOSED, false)).isEqualTo(APPLY_ONE_BY_ONE);
    }

    @Test
    void aBatchThatMeetsAnOutageWaitsItOutWhileRunning() {
        assertThat(FailurePolicy.afterBatchFailure(OUTAGE, false)).isEqualTo(WAIT_AND_RETRY);
    }

    @Test
    void anyBatchFailureOnceShutdownHasBegunAbortsTheBatch() {
        for (RuntimeException failure : new RuntimeException[] {OUTAGE, POOL_CLOSED, REJECTION, INTERRUPTED}) {
            assertThat(FailurePolicy.afterBatchFailure(failure, true)).as(failure.toString()).isEqualTo(ABORT_BATCH);
        }
    }

    @Test
    void aRecordThatFailsWithADefectIsTriedThreeTimesThenDeadLetteredWhileRunning() {
        assertThat(FailurePolicy.afterRecordFailure(POOL_CLOSED, 0, false)).isEqualTo(RETRY);
        assertThat(FailurePolicy.afterRecordFailure(POOL_CLOSED, 1, false)).isEqualTo(RETRY);
        assertThat(FailurePolicy.afterRecordFailure(POOL_CLOSED, 2, false)).isEqualTo(DEAD_LETTER);
    }

    @Test
    void aRecordThatBreaksARuleIsDeadLetteredAtOnceWhileRunning() {
        assertThat(FailurePolicy.afterRecordFailure(REJECTION, 0, false)).isEqualTo(DEAD_LETTER);
        assertThat(FailurePolicy.rejection(REJECTION)).hasMessage("cecs must be positive");
    }

    @Test
    void aRecordThatMeetsAnOutageWaitsItOutWithoutCountingADefect() {
        assertThat(FailurePolicy.afterRecordFailure(OUTAGE, 2, false)).isEqualTo(WAIT_AND_RETRY);
    }

    @Test
    void aRecordIsNeverDeadLetteredOnceShutdownHasBegunWhateverTheFailure() {
        for (RuntimeException failure : new RuntimeException[] {OUTAGE, POOL_CLOSED, REJECTION, INTERRUPTED}) {
            for (int defects = 0; defects < 5; defects++) {
                assertThat(FailurePolicy.afterRecordFailure(failure, defects, true)).as(failure + " after " + defects)
                        .isEqualTo(ABORT_BATCH);
            }
        }
    }

    @Test
    void aFailureCausedByAnInterruptionCountsAsShutdownEvenWhenTheThreadsFlagWasCleared() {
        assertThat(FailurePolicy.afterBatchFailure(INTERRUPTED, false)).isEqualTo(ABORT_BATCH);
        assertThat(FailurePolicy.afterRecordFailure(INTERRUPTED, 2, false)).isEqualTo(ABORT_BATCH);
    }

    @Test
    void aSocketTimeoutIsNoInterruption() {
        assertThat(FailurePolicy.causedByInterruption(new IllegalStateException(new SocketTimeoutException("Read timed out"))))
                .isFalse();
    }

    @Test
    void anUnreadableRecordIsDeadLetteredWhileRunningAndLeftForTheRestartOnceShutdownHasBegun() {
        assertThat(FailurePolicy.forUnreadable(false)).isEqualTo(DEAD_LETTER);
        assertThat(FailurePolicy.forUnreadable(true)).isEqualTo(ABORT_BATCH);
    }
}
