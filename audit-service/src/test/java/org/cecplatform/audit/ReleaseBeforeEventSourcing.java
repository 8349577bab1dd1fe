package org.cecplatform.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * The migrations of the release before the event store (issue 16), byte for byte, so a test can build a database the
 * way an installation of that release has it and then upgrade it as the service does (out of order: the platform's
 * V0_3 arrives after the service's V3).
 */
final class ReleaseBeforeEventSourcing {

    private static final List<String> SCRIPTS = List.of("db/platform/V0_1__event_log.sql",
            "db/platform/V0_2__processed_events.sql", "db/platform/R__runtime_grants.sql", "db/migration/V1__audit.sql",
            "db/migration/V2__ledger_credit.sql", "db/migration/V3__document_chunks_and_access.sql");

    private ReleaseBeforeEventSourcing() {
    }

    /** Migrates the database at {@code url} to what that release left. */
    static void migrate(String url) {
        Path scripts = copy();
        Flyway.configure().dataSource(url, "postgres", "postgres").locations("filesystem:" + scripts)
                .placeholders(Map.of("runtime_role", "postgres")).load().migrate();
    }

    /** Upgrades it as the service does at start: every location, out of order. */
    static void upgrade(String url) {
        Flyway.configure().dataSource(url, "postgres", "postgres")
                .locations("classpath:db/platform", "classpath:db/migration").outOfOrder(true)
                .placeholders(Map.of("runtime_role", "postgres")).load().migrate();
    }

    private static Path copy() {
        try {
            Path dir = Files.createTempDirectory("release-before-event-sourcing");
            for (String script : SCRIPTS) {
                try (InputStream in = ReleaseBeforeEventSourcing.class.getClassLoader().getResourceAsStream(script)) {
                    if (in == null) {
                        throw new IllegalStateException("no " + script + " on the class path");
                    }
                    Files.copy(in, dir.resolve(Path.of(script).getFileName()));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
