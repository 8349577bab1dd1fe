package org.cecplatform.renewal.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.Topics;
import org.cecplatform.platform.api.Failures;
import org.cecplatform.platform.messaging.KafkaConnection;
import org.cecplatform.platform.messaging.MessageHandler;
import org.cecplatform.platform.messaging.ProcessedEvents;
import org.cecplatform.platform.projection.TopicReplay;
import org.cecplatform.renewal.persistence.CreditRepository;
import org.jboss.logging.Logger;

/**
 * Rebuilds the ledger credit projection from {@code cec.ledger.v1}: clears the credits and the live consumer's
 * processed-event rows in one transaction, then replays the topic from the beginning to the end offsets taken at
 * the start, applying each record through the live consumer's own handler and deduplication.
 *
 * <p>The live consumer keeps running meanwhile. That is safe because (1) both paths insert the same
 * {@code (renewal.ledger, ce_id)} row before applying, so each event is applied once whichever path gets it first;
 * (2) the credit writes are upserts whose result does not depend on order (a void first leaves a voided marker);
 * (3) the clearing transaction first locks the credits table, which waits for any live transaction that already
 * wrote credits and holds off the others until the clear commits, so a credit row and its processed-event row are
 * never split. While a rebuild runs, figures are partial; when it completes they are what they were (plus anything
 * new). One rebuild at a time per instance.
 */
@ApplicationScoped
public class LedgerProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(LedgerProjectionRebuild.class);

    public enum State { IDLE, RUNNING, COMPLETED, FAILED }

    /** What the last (or current) rebuild did. {@code eventsTotal} is known once the end offsets were taken. */
    public record Progress(String projection, String topic, State state, Long eventsTotal, long eventsRead,
                           long eventsApplied, long eventsAlreadyApplied, long eventsRejected, Instant startedAt,
                           Instant finishedAt, String error) {
    }

    private final CreditRepository credits;
    private final ProcessedEvents processed;
    private final LedgerEventsConsumer handler;
    private final Clock clock;
    private final KafkaConnection kafka;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ledger-projection-rebuild");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Progress> progress = new AtomicReference<>(
            new Progress("ledger-credits", Topics.LEDGER, State.IDLE, null, 0, 0, 0, 0, null, null, null));
    private final AtomicLong total = new AtomicLong(-1);
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    public LedgerProjectionRebuild(CreditRepository credits, ProcessedEvents processed, LedgerEventsConsumer handler,
                                   Clock clock,
                                   KafkaConnection kafka) {
        this.credits = credits;
        this.processed = processed;
        this.handler = handler;
        this.clock = clock;
        this.kafka = kafka;
    }

    /** Starts a rebuild in the background; empty when one is already running. */
    public synchronized Optional<Progress> start() {
        if (progress.get().state() == State.RUNNING) {
            return Optional.empty();
        }
        total.set(-1);
        read.set(0);
        applied.set(0);
        skipped.set(0);
        rejected.set(0);
        Instant startedAt = clock.instant();
        progress.set(snapshot(State.RUNNING, startedAt, null, null));
        worker.submit(() -> run(startedAt));
        return Optional.of(progress());
    }

    public Progress progress() {
        Progress last = progress.get();
        return last.state() == State.RUNNING ? snapshot(State.RUNNING, last.startedAt(), null, null) : last;
    }

    private void run(Instant startedAt) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                int cleared = credits.clear();
                int forgotten = processed.forget(LedgerEventsConsumer.CONSUMER);
                LOG.infof("ledger projection rebuild: cleared %d credits and %d processed events", cleared, forgotten);
            });
            new TopicReplay(kafka.settings(), Duration.ofMinutes(2)).replay(Topics.LEDGER, total::set, this::apply);
            progress.set(snapshot(State.COMPLETED, startedAt, clock.instant(), null));
            LOG.infof("ledger projection rebuild completed: %s", progress.get());
        } catch (RuntimeException e) {
            LOG.errorf(e, "ledger projection rebuild failed");
            progress.set(snapshot(State.FAILED, startedAt, clock.instant(), e.getMessage()));
        }
    }

    private record Readable(ConsumerRecord<String, byte[]> record, MessageHandler.Parsed<LedgerMessage> parsed) {
    }

    /** One batch in one transaction; if it fails, one record per transaction so a bad record is only skipped. */
    private void apply(List<ConsumerRecord<String, byte[]>> batch) {
        List<Readable> readable = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, byte[]> record : batch) {
            try {
                readable.add(new Readable(record, handler.parse(record)));
            } catch (RuntimeException e) {
                // The live consumer dead-lettered it when it first came; a replay does not do it twice.
                rejected.incrementAndGet();
            }
        }
        try {
            long[] counts = QuarkusTransaction.requiringNew().call(() -> applyAll(readable));
            applied.addAndGet(counts[0]);
            skipped.addAndGet(counts[1]);
        } catch (RuntimeException together) {
            for (Readable one : readable) {
                try {
                    long[] counts = QuarkusTransaction.requiringNew().call(() -> applyAll(List.of(one)));
                    applied.addAndGet(counts[0]);
                    skipped.addAndGet(counts[1]);
                } catch (RuntimeException alone) {
                    if (Failures.isTransient(alone)) {
                        throw alone; // the database is away: fail the rebuild rather than skip what it could not write
                    }
                    rejected.incrementAndGet();
                    LOG.warnf("ledger projection rebuild skipped %s-%d@%d: %s", one.record().topic(),
                            one.record().partition(), one.record().offset(), alone.toString());
                }
            }
        }
        read.addAndGet(batch.size());
    }

    /** Records the keys in one statement, then projects the new messages together (as the live consumer does). */
    private long[] applyAll(List<Readable> readable) {
        List<String> keys = new ArrayList<>(readable.size());
        for (Readable one : readable) {
            keys.add(one.parsed().deduplicationKey());
        }
        boolean[] fresh = processed.firstTimeAll(LedgerEventsConsumer.CONSUMER, keys);
        List<LedgerMessage> messages = new ArrayList<>(readable.size());
        for (int i = 0; i < fresh.length; i++) {
            if (fresh[i]) {
                messages.add(readable.get(i).parsed().message());
            }
        }
        handler.applyAll(messages);
        return new long[] {messages.size(), readable.size() - messages.size()};
    }

    private Progress snapshot(State state, Instant startedAt, Instant finishedAt, String error) {
        long knownTotal = total.get();
        return new Progress("ledger-credits", Topics.LEDGER, state, knownTotal < 0 ? null : knownTotal, read.get(),
                applied.get(), skipped.get(), rejected.get(), startedAt, finishedAt, error);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
