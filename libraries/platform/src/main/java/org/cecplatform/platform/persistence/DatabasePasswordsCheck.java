package org.cecplatform.platform.persistence;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start a service that was given no PostgreSQL password (docs/security.md). Quarkus treats the
 * datasource's and Flyway's passwords as optional: without this check a missing {@code DB_PASSWORD} would be tried as
 * no password at all, and a missing {@code DB_MIGRATION_PASSWORD} would silently run the migrations as the runtime
 * role. Runs first at start-up, before {@link SchemaMigrator}; in dev mode the passwords have defaults.
 */
@Singleton
public class DatabasePasswordsCheck {

    /** A password the service needs: the property Quarkus reads, the variable it comes from, whose password it is. */
    private record Password(String property, String variable, String of) {
    }

    private static final List<Password> PASSWORDS = List.of(
            new Password("quarkus.datasource.password", "DB_PASSWORD", "the service's own role, DB_USER"),
            new Password("quarkus.flyway.password", "DB_MIGRATION_PASSWORD", "the migrations' owner role, DB_MIGRATION_USER"));

    private final Config config;

    public DatabasePasswordsCheck(Config config) {
        this.config = config;
    }

    void onStart(@Observes @Priority(1) StartupEvent startup) {
        List<String> missing = new ArrayList<>();
        for (Password password : PASSWORDS) {
            if (value(password.property()).isEmpty()) {
                missing.add(password.variable() + " (" + password.property() + ": the PostgreSQL password of " + password.of() + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing PostgreSQL password, set " + String.join(" and ", missing)
                    + "; there is no default outside dev mode");
        }
    }

    private Optional<String> value(String property) {
        try {
            return config.getOptionalValue(property, String.class).filter(value -> !value.isBlank());
        } catch (NoSuchElementException unresolvable) {
            return Optional.empty(); // ${DB_PASSWORD} with the variable unset
        }
    }
}
