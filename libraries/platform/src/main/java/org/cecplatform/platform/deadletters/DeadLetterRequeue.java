package org.cecplatform.platform.deadletters;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.cecplatform.platform.api.ProblemException;
import org.cecplatform.platform.messaging.IdempotentConsumer;
import org.cecplatform.platform.persistence.DatabaseFailures;

/**
 * A staff requeue: the stored record goes to the consumer named in its row again, in this process
 * ({@link IdempotentConsumer#applyAgain}), and the outcome is recorded with who and when. A success and its record
 * commit together; a failure rolls the consumer's work back and records FAILED_AGAIN with the new reason. Nothing is
 * written to Kafka: the record is on its dead-letter topic already.
 */
@ApplicationScoped
public class DeadLetterRequeue {

    private final DeadLetterStore store;
    private final IdempotentConsumer consumers;
    private final Clock clock;

    public DeadLetterRequeue(DeadLetterStore store, IdempotentConsumer consumers, Clock clock) {
        this.store = store;
        this.consumers = consumers;
        this.clock = clock;
    }

    public DeadLetterEntry requeue(long id, String by) {
        StoredDeadLetter letter = store.stored(id)
                .orElseThrow(() -> ProblemException.notFound("No dead letter " + id + " in this service."));
        if (!consumers.handles(letter.consumer())) {
            throw ProblemException.conflict("consumer-not-running", "Consumer '" + letter.consumer()
                    + "' does not run in this service any more: dead letter " + id + " cannot be requeued.");
        }
        Instant at = clock.instant();
        try {
            IdempotentConsumer.Reapplied reapplied = QuarkusTransaction.requiringNew().call(() -> {
                if (!store.lockUnlessSettled(id)) {
                    throw ProblemException.conflict("dead-letter-settled", "Dead letter " + id
                            + " was requeued and processed already.");
                }
                IdempotentConsumer.Reapplied r = consumers.applyAgain(letter.consumer(), letter.toRecord());
                RequeueOutcome outcome = switch (r) {
                    case APPLIED, NOT_FOR_THIS_CONSUMER -> RequeueOutcome.PROCESSED;
                    case ALREADY_APPLIED -> RequeueOutcome.ALREADY_PROCESSED;
                };
                store.recordRequeue(id, new RequeueAttempt(at, by, outcome, null));
                return r;
            });
            consumers.countAfterCommit(letter.consumer(), reapplied);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            if (DatabaseFailures.isTransient(e)) {
                throw e;
            }
            RequeueAttempt failed = new RequeueAttempt(at, by, RequeueOutcome.FAILED_AGAIN,
                    IdempotentConsumer.reasonFor(e));
            QuarkusTransaction.requiringNew().run(() -> store.recordRequeue(id, failed));
        }
        return store.entry(id).orElseThrow();
    }
}
