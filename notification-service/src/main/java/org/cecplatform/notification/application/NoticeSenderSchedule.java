package org.cecplatform.notification.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.cecplatform.platform.jobs.JobRunner;
import org.cecplatform.platform.jobs.JobsDisabled;

/**
 * Runs the sender more often than the other jobs (a notice should not wait for the jobs' minute), through the job
 * runner so that it never runs twice at once; off where the jobs are off (tests trigger it).
 */
@ApplicationScoped
public class NoticeSenderSchedule {

    private final JobRunner runner;

    public NoticeSenderSchedule(JobRunner runner) {
        this.runner = runner;
    }

    @Scheduled(every = "${cec.notices.send-every}", delay = 5, concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = JobsDisabled.class)
    void send() {
        runner.run(NoticeSender.NAME);
    }
}
