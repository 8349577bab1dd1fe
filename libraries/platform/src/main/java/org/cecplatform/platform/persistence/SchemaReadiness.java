package org.cecplatform.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the database schema is migrated (the datasource and Kafka checks cover reachability). */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

    private final SchemaMigrator migrator;

    public SchemaReadiness(SchemaMigrator migrator) {
        this.migrator = migrator;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database schema").status(migrator.isReady()).build();
    }
}
