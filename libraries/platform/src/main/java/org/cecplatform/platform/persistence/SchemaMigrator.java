package org.cecplatform.platform.persistence;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Applies the Flyway migrations at start-up, and keeps trying in the background while the database is unreachable,
 * so a service starts without its database and reports not ready instead of failing to start. Consumers and the
 * outbox relay wait for {@link #awaitReady} before touching any table.
 */
@Singleton
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class);
    private static final long RETRY_MILLIS = 2_000;

    private final Flyway flyway;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean stopping;

    public SchemaMigrator(Flyway flyway) {
        this.flyway = flyway;
    }

    void onStart(@Observes @jakarta.annotation.Priority(10) StartupEvent startup) {
        if (!tryMigrate()) {
            Thread retry = new Thread(this::retryUntilMigrated, "schema-migrator");
            retry.setDaemon(true);
            retry.start();
        }
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    public boolean isReady() {
        return ready.getCount() == 0;
    }

    /** Blocks until the schema is in place; false if the timeout passed first. */
    public boolean awaitReady(long timeout, TimeUnit unit) throws InterruptedException {
        return ready.await(timeout, unit);
    }

    private void retryUntilMigrated() {
        while (!stopping && !isReady()) {
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            tryMigrate();
        }
    }

    private boolean tryMigrate() {
        try {
            flyway.migrate();
            ready.countDown();
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("database schema not migrated yet (database unreachable?): %s", e.getMessage());
            return false;
        }
    }
}
