package org.cecplatform.platform.jobs;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/** Runs every {@link ScheduledJob} on a fixed cadence and on demand; one run of a given job at a time. */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    public record JobRun(String job, Instant ranAt, String summary) {
    }

    private final Map<String, ScheduledJob> jobs = new TreeMap<>();
    private final Map<String, ReentrantLock> locks = new TreeMap<>();
    private final Clock clock;

    public JobRunner(Instance<ScheduledJob> all, Clock clock) {
        this.clock = clock;
        for (ScheduledJob job : all) {
            jobs.put(job.name(), job);
            locks.put(job.name(), new ReentrantLock());
        }
    }

    public List<String> names() {
        return List.copyOf(jobs.keySet());
    }

    /** Runs the named job now and returns when it has run; empty when there is no such job. */
    public Optional<JobRun> run(String name) {
        ScheduledJob job = jobs.get(name);
        if (job == null) {
            return Optional.empty();
        }
        ReentrantLock lock = locks.get(name);
        lock.lock();
        try {
            Instant at = clock.instant();
            return Optional.of(new JobRun(name, at, job.run()));
        } finally {
            lock.unlock();
        }
    }

    @Scheduled(every = "${cec.jobs.every:60s}", delay = 10, concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = JobsDisabled.class)
    void runAllOnSchedule() {
        for (String name : jobs.keySet()) {
            try {
                run(name).ifPresent(r -> LOG.debugf("job %s: %s", r.job(), r.summary()));
            } catch (RuntimeException e) {
                // One failing job must not keep the others from running; it is retried on the next tick.
                LOG.errorf(e, "scheduled job %s failed", name);
            }
        }
    }
}
