package org.cecplatform.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import java.util.concurrent.TimeUnit;
import org.cecplatform.platform.api.Failures;
import org.cecplatform.platform.persistence.SchemaMigrator;
import org.jboss.logging.Logger;

/**
 * Processes a batch of records exactly once in effect:
 * <ol>
 * <li>each record is parsed; an unreadable or invalid one is dead-lettered and the rest go on;</li>
 * <li>the readable ones are applied in one transaction, each after its (consumer, key) row was inserted: a record
 * seen before is skipped;</li>
 * <li>if that transaction fails for a reason other than an outage, the batch is applied one record per transaction
 * so that only the offending record is dead-lettered;</li>
 * <li>an outage (database away) is waited out: the batch is retried until it succeeds and nothing is committed
 * before, so the consumer resumes where it was.</li>
 * </ol>
 * The method returns only when every record is applied, skipped or safely on its dead-letter topic; then the
 * connector may commit the offsets.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    /** A record whose handler keeps failing with a defect (not an outage) is dead-lettered after this many tries. */
    static final int ATTEMPTS_BEFORE_DEAD_LETTER = 3;

    private final ProcessedEvents processed;
    private final DeadLetters deadLetters;
    private final SchemaMigrator schema;
    private final MeterRegistry metrics;
    private volatile boolean stopping;

    public IdempotentConsumer(ProcessedEvents processed, DeadLetters deadLetters, SchemaMigrator schema,
                              MeterRegistry metrics) {
        this.processed = processed;
        this.deadLetters = deadLetters;
        this.schema = schema;
        this.metrics = metrics;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    public <T> void consume(String consumer, Iterable<ConsumerRecord<String, byte[]>> records,
                            MessageHandler<T> handler) {
        try {
            awaitSchema();
            List<Pending<T>> readable = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    readable.add(new Pending<>(record, handler.parse(record)));
                } catch (RuntimeException e) {
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
            throw new IllegalStateException("interrupted: the batch stays uncommitted and is redelivered", e);
        }
    }

    /** Until the tables exist, applying would fail for a reason that is not the message's fault. */
    private void awaitSchema() throws InterruptedException {
        while (!schema.awaitReady(1, TimeUnit.SECONDS)) {
            if (stopping) {
                throw new IllegalStateException("shutting down before the schema was ready; the batch stays uncommitted");
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
                if (!Failures.isTransient(e)) {
                    return false;
                }
                waitOutOutage(consumer, attempt, e);
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
                if (Failures.isTransient(e)) {
                    waitOutOutage(consumer, attempt, e);
                } else if (rootRejection(e) != null || ++defects >= ATTEMPTS_BEFORE_DEAD_LETTER) {
                    deadLetter(consumer, one.record(), e);
                    return;
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

    private void countAfterCommit(String consumer, int applied, int duplicates) {
        metrics.counter("cec.consumer.applied", "consumer", consumer).increment(applied);
        metrics.counter("cec.consumer.duplicates", "consumer", consumer).increment(duplicates);
    }

    private void deadLetter(String consumer, ConsumerRecord<String, byte[]> record, RuntimeException e)
            throws InterruptedException {
        deadLetters.send(consumer, record, reasonOf(e));
        metrics.counter("cec.consumer.dead.lettered", "consumer", consumer).increment();
    }

    private void waitOutOutage(String consumer, int attempt, RuntimeException e) throws InterruptedException {
        if (stopping) {
            throw new IllegalStateException("shutting down during an outage; the batch stays uncommitted", e);
        }
        long millis = Math.min(30_000, 250L << Math.min(attempt, 7));
        LOG.warnf("consumer %s: backing service unavailable (%s), retrying in %d ms", consumer, e.toString(), millis);
        Thread.sleep(millis);
    }

    private static Throwable reasonOf(Throwable e) {
        RejectedMessageException rejection = rootRejection(e);
        return rejection != null ? rejection : e;
    }

    private static RejectedMessageException rootRejection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RejectedMessageException rejected) {
                return rejected;
            }
        }
        return null;
    }
}
