package org.cecplatform.platform.jobs;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Runs every {@link ScheduledJob} on a fixed cadence and on demand; one run of a given job at a time. Each run's
 * outcome is kept ({@link JobRuns}) as the job's last run.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    private static final int SUMMARY_MAX = 500;

    public enum Outcome { SUCCEEDED, FAILED }

    /** Who started a run: the scheduler's tick or a request ({@code POST /api/v1/admin/jobs/{name}}). */
    public enum Trigger { SCHEDULE, REQUEST }

    /** One run: {@code ranAt} is when it started; a failed run's summary is the error. */
    public record JobRun(String job, Instant ranAt, Instant finishedAt, Outcome outcome, String summary,
                         Trigger trigger) {
    }

    /** A job, when the scheduler runs it, and its last run (null before the first). */
    public record Job(String name, String schedule, @Schema(nullable = true) JobRun lastRun) {
    }

    private final Map<String, ScheduledJob> jobs = new TreeMap<>();
    private final Map<String, ReentrantLock> locks = new TreeMap<>();
    private final Clock clock;
    private final JobRuns runs;
    private final String schedule;

    public JobRunner(Instance<ScheduledJob> all, Clock clock, JobRuns runs,
                     @ConfigProperty(name = "cec.jobs.every", defaultValue = "60s") String every,
                     @ConfigProperty(name = "cec.jobs.enabled", defaultValue = "true") boolean enabled) {
        this.clock = clock;
        this.runs = runs;
        this.schedule = enabled ? "every " + every : "on request only";
        for (ScheduledJob job : all) {
            jobs.put(job.name(), job);
            locks.put(job.name(), new ReentrantLock());
        }
    }

    /** Every job with its schedule and its last run. */
    public List<Job> jobs() {
        Map<String, JobRun> last = runs.lastRuns();
        List<Job> list = new ArrayList<>();
        for (String name : jobs.keySet()) {
            list.add(new Job(name, schedule, last.get(name)));
        }
        return list;
    }

    /** Runs the named job now and returns when it has run; empty when there is no such job. */
    public Optional<JobRun> run(String name) {
        return run(name, Trigger.REQUEST);
    }

    private Optional<JobRun> run(String name, Trigger trigger) {
        ScheduledJob job = jobs.get(name);
        if (job == null) {
            return Optional.empty();
        }
        ReentrantLock lock = locks.get(name);
        lock.lock();
        try {
            Instant started = clock.instant();
            String summary;
            try {
                summary = job.run();
            } catch (RuntimeException e) {
                keep(new JobRun(name, started, clock.instant(), Outcome.FAILED, shorten(String.valueOf(e)), trigger));
                throw e;
            }
            JobRun run = new JobRun(name, started, clock.instant(), Outcome.SUCCEEDED, shorten(summary), trigger);
            keep(run);
            return Optional.of(run);
        } finally {
            lock.unlock();
        }
    }

    /** Keeping the record is secondary: a database hiccup here must not turn a job's success into an error. */
    private void keep(JobRun run) {
        try {
            runs.record(run);
        } catch (RuntimeException e) {
            LOG.warnf("last run of job %s not recorded: %s", run.job(), e.getMessage());
        }
    }

    private static String shorten(String summary) {
        String s = summary == null ? "" : summary;
        return s.length() <= SUMMARY_MAX ? s : s.substring(0, SUMMARY_MAX - 1) + "…";
    }

    @Scheduled(every = "${cec.jobs.every:60s}", delay = 10, concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = JobsDisabled.class)
    void runAllOnSchedule() {
        for (String name : jobs.keySet()) {
            try {
                run(name, Trigger.SCHEDULE).ifPresent(r -> LOG.debugf("job %s: %s", r.job(), r.summary()));
            } catch (RuntimeException e) {
                // One failing job must not keep the others from running; it is retried on the next tick.
                LOG.errorf(e, "scheduled job %s failed", name);
            }
        }
    }
}
