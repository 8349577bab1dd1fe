package org.cecplatform.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.platform.persistence.SchemaMigrator;
import org.jboss.logging.Logger;

/**
 * Processes a batch of records exactly once in effect:
 * <ol>
 * <li>each record is parsed; an unreadable or invalid one is dead-lettered and the rest go on; one that is not for
 * this consumer is passed over;</li>
 * <li>the readable ones are applied in one transaction, each after its (consumer, key) row was inserted: a record
 * seen before is skipped;</li>
 * <li>if that transaction fails for a reason other than an outage, the batch is applied one record per transaction
 * so that only the offending record is dead-lettered;</li>
 * <li>an outage (database away) is waited out: the batch is retried until it succeeds and nothing is committed
 * before, so the consumer resumes where it was.</li>
 * </ol>
 * The method returns only when every record is applied, skipped or safely on its dead-letter topic; then the
 * connector may commit the offsets.
 *
 * <p><b>Shutdown.</b> When the service stops in the middle of a batch, the datasource and transaction manager may be
 * closing under it, so a good record fails like a bad one. Dead-lettering it then would let the connector commit its
 * offset: it would be on {@code <topic>.dlq} and missing from the projection. So once shutdown has begun (see
 * {@link ShutdownSignal}) any failure aborts the batch ({@link BatchAbortedException}), nothing is dead-lettered, and
 * the connector, whose {@code failure-strategy} is {@code fail}, leaves the batch uncommitted: it is delivered again
 * after the restart and the processed-event rows skip what was applied already. (A dead letter written before
 * shutdown began may be written once more then; a record is never lost.) The decisions are in {@link FailurePolicy}.
 * The connector's own {@code dead-letter-queue} strategy is not used: it would park exactly such an aborted batch
 * on {@code dead-letter-topic-<channel>} and commit it.
 *
 * <p><b>Requeue.</b> Each consumer {@link #register registers} its handler under its name when it is built, so that a
 * dead letter it rejected can be handed to it again ({@link #applyAgain}) when staff ask, in-process: with the same
 * parse, the same (consumer, key) row and the same apply, and not through the source topic, which the service may not
 * write to and other services read.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final ProcessedEvents processed;
    private final DeadLetters deadLetters;
    private final SchemaMigrator schema;
    private final ShutdownSignal shutdown;
    private final MeterRegistry metrics;
    private final Map<String, MessageHandler<?>> handlers = new ConcurrentHashMap<>();

    public IdempotentConsumer(ProcessedEvents processed, DeadLetters deadLetters, SchemaMigrator schema,
                              ShutdownSignal shutdown, MeterRegistry metrics) {
        this.processed = processed;
        this.deadLetters = deadLetters;
        this.schema = schema;
        this.shutdown = shutdown;
        this.metrics = metrics;
    }

    public <T> void consume(String consumer, Iterable<ConsumerRecord<String, byte[]>> records,
                            MessageHandler<T> handler) {
        try {
            awaitSchema();
            List<Pending<T>> readable = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    MessageHandler.Parsed<T> parsed = handler.parse(record);
                    if (parsed.isForThisConsumer()) {
                        readable.add(new Pending<>(record, parsed));
                    }
                } catch (RuntimeException e) {
                    if (FailurePolicy.forUnreadable(shutdown.hasBegun()) == FailurePolicy.Next.ABORT_BATCH) {
                        throw new BatchAbortedException("shutting down: not dead-lettering " + position(record), e);
                    }
                    deadLetter(consumer, record, e);
                }
            }
            if (!readable.isEmpty() && !applyTogether(consumer, readable, handler)) {
                for (Pending<T> one : readable) {
                    applyAlone(consumer, one, handler);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw aborted(consumer, new BatchAbortedException("interrupted", e));
        } catch (BatchAbortedException e) {
            throw aborted(consumer, e);
        }
    }

    /** Makes {@code handler} the one {@link #applyAgain} hands {@code consumer}'s dead letters to. */
    public void register(String consumer, MessageHandler<?> handler) {
        MessageHandler<?> before = handlers.putIfAbsent(consumer, handler);
        if (before != null && before != handler) {
            throw new IllegalStateException("two handlers registered as consumer " + consumer);
        }
    }

    /** True when a consumer of that name runs in this service. */
    public boolean handles(String consumer) {
        return handlers.containsKey(consumer);
    }

    /** What {@link #applyAgain} did. */
    public enum Reapplied {
        APPLIED,
        /** The consumer had handled the record's key before: not applied twice. */
        ALREADY_APPLIED,
        /** The record is (now) of a kind the consumer passes over: nothing to apply. */
        NOT_FOR_THIS_CONSUMER
    }

    /**
     * Hands a record that {@code consumer} dead-lettered to its handler again, in the caller's transaction, exactly as
     * a delivery would be handled one record at a time. Throws what the handler throws (see {@link #reasonFor}).
     */
    public Reapplied applyAgain(String consumer, ConsumerRecord<String, byte[]> record) {
        MessageHandler<?> handler = handlers.get(consumer);
        if (handler == null) {
            throw new IllegalArgumentException("no consumer named " + consumer + " runs in this service");
        }
        return applyAgain(consumer, record, handler);
    }

    private <T> Reapplied applyAgain(String consumer, ConsumerRecord<String, byte[]> record,
                                     MessageHandler<T> handler) {
        MessageHandler.Parsed<T> parsed = handler.parse(record);
        if (!parsed.isForThisConsumer()) {
            return Reapplied.NOT_FOR_THIS_CONSUMER;
        }
        return applyIfNew(consumer, new Pending<>(record, parsed), handler) ? Reapplied.APPLIED
                : Reapplied.ALREADY_APPLIED;
    }

    /** The reason a failed application gives, as on the dead-letter topic: the rule the message broke, else the failure. */
    public static String reasonFor(Throwable failure) {
        Throwable reason = reasonOf(failure);
        return reason.getMessage() != null ? reason.getMessage() : reason.getClass().getName();
    }

    private static BatchAbortedException aborted(String consumer, BatchAbortedException e) {
        LOG.warnf("consumer %s: %s", consumer, e.getMessage());
        return e;
    }

    /** Until the tables exist, applying would fail for a reason that is not the message's fault. */
    private void awaitSchema() throws InterruptedException {
        while (!schema.awaitReady(1, TimeUnit.SECONDS)) {
            if (shutdown.hasBegun()) {
                throw new BatchAbortedException("shutting down before the schema was ready", null);
            }
        }
    }

    private record Pending<T>(ConsumerRecord<String, byte[]> record, MessageHandler.Parsed<T> parsed) {
    }

    /** True when the whole batch was applied; false when some record failed and they must go one by one. */
    private <T> boolean applyTogether(String consumer, List<Pending<T>> batch, MessageHandler<T> handler)
            throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                int applied = QuarkusTransaction.requiringNew().call(() -> applyNew(consumer, batch, handler));
                countAfterCommit(consumer, applied, batch.size() - applied);
                return true;
            } catch (RuntimeException e) {
                FailurePolicy.Next next = FailurePolicy.afterBatchFailure(e, shutdown.hasBegun());
                switch (next) {
                    case ABORT_BATCH -> throw new BatchAbortedException("shutting down while applying a batch", e);
                    case WAIT_AND_RETRY -> waitOutOutage(consumer, attempt, e);
                    case APPLY_ONE_BY_ONE -> {
                        return false;
                    }
                    default -> throw new IllegalStateException("not a decision for a whole batch: " + next, e);
                }
            }
        }
    }

    private <T> void applyAlone(String consumer, Pending<T> one, MessageHandler<T> handler)
            throws InterruptedException {
        int defects = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> applyIfNew(consumer, one, handler));
                countAfterCommit(consumer, applied ? 1 : 0, applied ? 0 : 1);
                return;
            } catch (RuntimeException e) {
                FailurePolicy.Next next = FailurePolicy.afterRecordFailure(e, defects, shutdown.hasBegun());
                switch (next) {
                    case ABORT_BATCH -> throw new BatchAbortedException(
                            "shutting down while applying " + position(one.record()), e);
                    case WAIT_AND_RETRY -> waitOutOutage(consumer, attempt, e);
                    case RETRY -> defects++;
                    case DEAD_LETTER -> {
                        deadLetter(consumer, one.record(), e);
                        return;
                    }
                    default -> throw new IllegalStateException("not a decision for one record: " + next, e);
                }
            }
        }
    }

    /**
     * Records the batch's keys in one statement and applies the new messages together (fewer round trips than one
     * by one, same effect); returns how many were new.
     */
    private <T> int applyNew(String consumer, List<Pending<T>> batch, MessageHandler<T> handler) {
        List<String> keys = new ArrayList<>(batch.size());
        for (Pending<T> one : batch) {
            keys.add(one.parsed().deduplicationKey());
        }
        boolean[] fresh = processed.firstTimeAll(consumer, keys);
        List<T> messages = new ArrayList<>(batch.size());
        for (int i = 0; i < fresh.length; i++) {
            if (fresh[i]) {
                messages.add(batch.get(i).parsed().message());
            }
        }
        if (!messages.isEmpty()) {
            handler.applyAll(messages);
        }
        return messages.size();
    }

    /** Applies the message unless this consumer handled its key before; true when it was new. */
    private <T> boolean applyIfNew(String consumer, Pending<T> one, MessageHandler<T> handler) {
        if (!processed.firstTime(consumer, one.parsed().deduplicationKey())) {
            return false;
        }
        handler.apply(one.parsed().message());
        return true;
    }

    /** Counts a committed {@link #applyAgain} in the consumer's metrics, as a delivery of that record would be. */
    public void countAfterCommit(String consumer, Reapplied reapplied) {
        switch (reapplied) {
            case APPLIED -> countAfterCommit(consumer, 1, 0);
            case ALREADY_APPLIED -> countAfterCommit(consumer, 0, 1);
            case NOT_FOR_THIS_CONSUMER -> { } // a delivery passes such a record over without counting it either
        }
    }

    private void countAfterCommit(String consumer, int applied, int duplicates) {
        metrics.counter("cec.consumer.applied", "consumer", consumer).increment(applied);
        metrics.counter("cec.consumer.duplicates", "consumer", consumer).increment(duplicates);
    }

    private void deadLetter(String consumer, ConsumerRecord<String, byte[]> record, RuntimeException e)
            throws InterruptedException {
        deadLetters.send(consumer, record, reasonOf(e));
        metrics.counter("cec.consumer.dead.lettered", "consumer", consumer).increment();
    }

    /** Pauses before the next try; a shutdown that begins meanwhile ends the pause and aborts the batch. */
    private void waitOutOutage(String consumer, int attempt, RuntimeException e) throws InterruptedException {
        long millis = Math.min(30_000, 250L << Math.min(attempt, 7));
        LOG.warnf("consumer %s: backing service unavailable (%s), retrying in %d ms", consumer, e.toString(), millis);
        if (shutdown.awaitBegun(millis)) {
            throw new BatchAbortedException("shutting down during an outage", e);
        }
    }

    private static String position(ConsumerRecord<String, byte[]> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static Throwable reasonOf(Throwable e) {
        RejectedMessageException rejection = FailurePolicy.rejection(e);
        return rejection != null ? rejection : e;
    }
}
