package org.cecplatform.platform.jobs;

/**
 * A job that runs on the service clock: deadline sweeps, status changes. Implementations are CDI beans; the
 * {@link JobRunner} runs each on its schedule and on demand. A job reads the time from the injected clock, never from
 * the wall clock, and must be safe to run again at once (and on two instances): it does what is due, nothing more.
 */
public interface ScheduledJob {

    /** A stable, URL-safe name: {@code POST /api/v1/admin/jobs/{name}}. */
    String name();

    /** Does what is due now; returns a one-line summary of what it did. */
    String run();
}
