package org.cecplatform.platform.jobs;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Skips the periodic run when {@code cec.jobs.enabled=false}: tests that drive time by hand trigger jobs through the
 * admin endpoint instead, so nothing runs behind their back.
 */
@Singleton
public class JobsDisabled implements Scheduled.SkipPredicate {

    private final boolean enabled;

    public JobsDisabled(@ConfigProperty(name = "cec.jobs.enabled", defaultValue = "true") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !enabled;
    }
}
