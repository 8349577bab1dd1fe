package org.cecplatform.platform.projection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.cecplatform.platform.api.ProblemException;
import org.cecplatform.platform.messaging.KafkaConnection;
import org.cecplatform.platform.outbox.EventLog;
import org.cecplatform.platform.outbox.StoredEvent;
import org.jboss.logging.Logger;

/**
 * Rebuilds a projection while the service runs (README "Event sourcing"): the shadow copy of its tables is emptied and
 * filled from the whole source (the event log in log order, or the topic from its beginning), then, under the live
 * tables' lock, brought up to the source's end and copied over the live rows in one transaction. Readers see the old
 * rows until that commit and the new ones after; writers wait for the swap. Projections write only their tables, so a
 * rebuild publishes nothing and notifies nobody.
 *
 * <p>Event log positions are taken at append and become visible at commit, so a reader can pass a position whose
 * transaction is still open: every later read asks for the positions skipped again, before the next events
 * ({@link LogCursor}), and the last reads happen under the lock, when every transaction that wrote the live tables has
 * finished (one that has not written them yet writes them after the swap). One rebuild per projection at a time
 * across all instances ({@link RebuildRecords}).
 */
@ApplicationScoped
public class ProjectionRebuilds {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuilds.class);
    private static final int BATCH = 1000;
    private static final int SWAP_ATTEMPTS = 5;

    private final List<Projection> projections;
    private final EventLog log;
    private final RebuildRecords records;
    private final ShadowSwap tables;
    private final KafkaConnection kafka;
    private final Clock clock;
    private final String instance = "instance-" + UUID.randomUUID();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "projection-rebuild");
        t.setDaemon(true);
        return t;
    });

    public ProjectionRebuilds(@Any Instance<Projection> projections, EventLog log, RebuildRecords records,
                              ShadowSwap tables, KafkaConnection kafka, Clock clock) {
        this.projections = projections.stream().sorted(Comparator.comparing(Projection::name)).toList();
        this.log = log;
        this.records = records;
        this.tables = tables;
        this.kafka = kafka;
        this.clock = clock;
    }

    public List<Projection> projections() {
        return projections;
    }

    /** The projection's rebuild as recorded; 404 for a name no projection has. */
    public RebuildProgress progress(String name) {
        Projection projection = projection(name);
        return records.read(projection.name()).orElse(RebuildProgress.idle(projection.name()));
    }

    /**
     * Starts a rebuild in the background (202); 404 for an unknown name, 409 while one runs on any instance.
     *
     * @param startedBy who asked (the staff member's subject)
     */
    public RebuildProgress start(String name, String startedBy) {
        Projection projection = projection(name);
        if (!records.claim(projection.name(), startedBy, clock.instant(), instance)) {
            throw ProblemException.conflict("rebuild-running",
                    "A rebuild of the " + projection.name() + " projection is already running.");
        }
        worker.submit(() -> run(projection));
        return progress(name);
    }

    private Projection projection(String name) {
        return projections.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No projection " + name + "; the projections are "
                        + projections.stream().map(Projection::name).toList() + "."));
    }

    private void run(Projection projection) {
        AtomicLong done = new AtomicLong();
        try {
            QuarkusTransaction.requiringNew().run(() -> tables.clearShadow(projection));
            if (projection instanceof EventLogProjection p) {
                rebuildFromLog(p, done);
            } else if (projection instanceof TopicProjection p) {
                rebuildFromTopic(p, done);
            } else {
                throw new IllegalStateException(projection.name() + " has no known source");
            }
            records.finish(projection.name(), instance, RebuildProgress.COMPLETED, done.get(), clock.instant(), null);
            LOG.infof("projection %s rebuilt from %d events", projection.name(), done.get());
        } catch (RuntimeException e) {
            LOG.errorf(e, "projection %s: rebuild failed; the live tables are unchanged", projection.name());
            records.finish(projection.name(), instance, RebuildProgress.FAILED, done.get(), clock.instant(),
                    String.valueOf(e.getMessage()));
        }
    }

    private void rebuildFromLog(EventLogProjection projection, AtomicLong done) {
        records.progress(projection.name(), instance, 0, log.count());
        LogCursor cursor = new LogCursor();
        while (true) {
            List<StoredEvent> batch = QuarkusTransaction.requiringNew().call(() -> cursor.next(log::readAfter, BATCH));
            if (batch.isEmpty()) {
                break;
            }
            QuarkusTransaction.requiringNew().run(() -> projection.apply(batch, ProjectionTables.SHADOW));
            records.progress(projection.name(), instance, done.addAndGet(batch.size()), null);
        }
        swap(projection, () -> {
            LogCursor underLock = cursor.copy();
            long applied = 0;
            for (List<StoredEvent> batch = underLock.next(log::readAfter, BATCH); !batch.isEmpty();
                 batch = underLock.next(log::readAfter, BATCH)) {
                projection.apply(batch, ProjectionTables.SHADOW);
                applied += batch.size();
            }
            return applied;
        }, done);
    }

    private void rebuildFromTopic(TopicProjection projection, AtomicLong done) {
        TopicReplay replay = new TopicReplay(kafka.settings(), Duration.ofMinutes(2));
        Map<TopicPartition, Long> reached = replay.replay(projection.topic(),
                total -> records.progress(projection.name(), instance, 0, total),
                batch -> {
                    QuarkusTransaction.requiringNew().run(() -> projection.apply(batch, ProjectionTables.SHADOW));
                    records.progress(projection.name(), instance, done.addAndGet(batch.size()), null);
                });
        swap(projection, () -> {
            AtomicLong applied = new AtomicLong();
            replay.replayFrom(projection.topic(), reached, total -> { }, batch -> {
                projection.apply(batch, ProjectionTables.SHADOW);
                applied.addAndGet(batch.size());
            });
            return applied.get();
        }, done);
    }

    private interface CatchUp {
        long applyRemaining();
    }

    /** Locks the live tables, applies what the source gained meanwhile to the shadow, and swaps, in one transaction. */
    private void swap(Projection projection, CatchUp catchUp, AtomicLong done) {
        for (int attempt = 1; ; attempt++) {
            try {
                long late = QuarkusTransaction.requiringNew().call(() -> {
                    tables.lockLive(projection);
                    long applied = catchUp.applyRemaining();
                    tables.replaceLive(projection);
                    return applied;
                });
                done.addAndGet(late);
                return;
            } catch (RuntimeException e) {
                if (attempt == SWAP_ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("projection %s: swap attempt %d failed (%s); trying again", projection.name(), attempt,
                        e.toString());
            }
        }
    }

    /**
     * Every projection table whose shadow copy differs from it in columns (name, type, order): empty when the
     * migrations kept them alike, as a rebuild needs. The services' tests assert it.
     */
    public List<String> shadowMismatches() {
        List<String> mismatches = new ArrayList<>();
        for (Projection projection : projections) {
            mismatches.addAll(tables.shadowMismatches(projection));
        }
        return mismatches;
    }

    /** For tests: the rebuild's state once it is no longer running, waiting at most {@code timeout}. */
    public Optional<RebuildProgress> awaitFinished(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            RebuildProgress p = progress(name);
            if (!RebuildProgress.RUNNING.equals(p.state())) {
                return Optional.of(p);
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
