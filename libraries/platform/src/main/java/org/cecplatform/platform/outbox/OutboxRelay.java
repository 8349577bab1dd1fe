package org.cecplatform.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.cecplatform.platform.persistence.Jdbc;
import org.cecplatform.platform.persistence.SchemaMigrator;
import org.jboss.logging.Logger;

/**
 * Publishes the event log's unpublished events to Kafka, in log order, and marks them published only after the broker
 * acknowledged them. A crash between publishing and marking republishes the same events (same {@code ce_id}), which
 * consumers deduplicate: at least once, never lost. Only the holder of the relay lease publishes, so with several
 * instances of a service a person's events still leave in order. The lease runs on the database's time, not the
 * service clock, because staff may move the service clock.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LEASE = "outbox-relay";

    private final EventLog log;
    private final OutboxPublisher publisher;
    private final OutboxSignal signal;
    private final OutboxConfig config;
    private final Jdbc jdbc;
    private final SchemaMigrator schema;
    private final String owner = UUID.randomUUID().toString();
    private final AtomicLong published = new AtomicLong();

    /** Held for the whole of a publishing round, so {@link #pause} can wait for one in flight. */
    private final ReentrantLock round = new ReentrantLock();
    private volatile boolean running;
    private volatile boolean paused;
    private Thread worker;

    public OutboxRelay(EventLog log, OutboxPublisher publisher, OutboxSignal signal, OutboxConfig config,
                       Jdbc jdbc, SchemaMigrator schema) {
        this.log = log;
        this.publisher = publisher;
        this.signal = signal;
        this.config = config;
        this.jdbc = jdbc;
        this.schema = schema;
    }

    void start(@Observes StartupEvent startup) {
        paused = !config.enabled();
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(TimeUnit.SECONDS.toMillis(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        releaseLease();
    }

    /**
     * Stops publishing (events keep accumulating in the log); for tests and maintenance. Returns once a round in
     * flight has finished, so nothing is published after this returns.
     */
    public void pause() {
        paused = true;
        round.lock();
        round.unlock();
    }

    public void resume() {
        paused = false;
        signal.wake();
    }

    /** Events this instance has published since it started. */
    public long publishedCount() {
        return published.get();
    }

    private void loop() {
        long backoffMillis = 0;
        while (running) {
            try {
                if (backoffMillis > 0) {
                    Thread.sleep(backoffMillis);
                }
                int sent = runRound();
                backoffMillis = 0;
                if (sent == 0) {
                    signal.await(config.idlePoll().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoffMillis = Math.min(Math.max(backoffMillis * 2, 200), 10_000);
                LOG.warnf("outbox relay round failed, retrying in %d ms: %s", backoffMillis, e.toString());
            }
        }
    }

    private int runRound() throws InterruptedException {
        round.lock();
        try {
            return paused || !schema.isReady() || !holdLease() ? 0 : publishRound();
        } finally {
            round.unlock();
        }
    }

    /** One round: read a batch, send it all, wait for the acks, mark the acknowledged prefix published. */
    private int publishRound() throws InterruptedException {
        List<StoredEvent> batch = QuarkusTransaction.requiringNew().call(() -> log.unpublished(config.batchSize()));
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (StoredEvent event : batch) {
            acks.add(publisher.publish(event));
        }
        // Only the prefix acknowledged in full is marked: whatever follows a failure is sent again next round,
        // so per-certificant order is kept and nothing is marked that the broker does not hold.
        List<UUID> acknowledged = new ArrayList<>(batch.size());
        long deadline = System.nanoTime() + config.ackTimeout().toNanos();
        RuntimeException failure = null;
        for (int i = 0; i < batch.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(batch.get(i).eventId());
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                failure = new IllegalStateException("broker did not acknowledge event " + batch.get(i).eventId(), e);
                break;
            }
        }
        QuarkusTransaction.requiringNew().run(() -> log.markPublished(acknowledged));
        published.addAndGet(acknowledged.size());
        if (failure != null) {
            throw failure;
        }
        return acknowledged.size();
    }

    /** Hands the lease back at shutdown so another instance takes over at once instead of after it expires. */
    private void releaseLease() {
        try {
            QuarkusTransaction.requiringNew().run(() ->
                    jdbc.update("delete from outbox_lease where name = ? and owner = ?", LEASE, owner));
        } catch (RuntimeException e) {
            LOG.debugf("could not release the relay lease (it will expire): %s", e.toString());
        }
    }

    /** Takes or renews the relay lease; false while another instance holds it. */
    private boolean holdLease() {
        String sql = "insert into outbox_lease (name, owner, expires_at)"
                + " values (?, ?, now() + ? * interval '1 millisecond')"
                + " on conflict (name) do update set owner = excluded.owner, expires_at = excluded.expires_at"
                + " where outbox_lease.owner = excluded.owner or outbox_lease.expires_at < now()"
                + " returning owner";
        return QuarkusTransaction.requiringNew().call(() ->
                jdbc.one(sql, row -> true, LEASE, owner, config.leaseDuration().toMillis()).isPresent());
    }
}
