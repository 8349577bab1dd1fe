package org.cecplatform.platform.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import org.cecplatform.platform.persistence.Jdbc;

/** The last run of each job, in the platform's {@code job_last_run} table. */
@ApplicationScoped
public class JobRuns {

    private final Jdbc jdbc;

    public JobRuns(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void record(JobRunner.JobRun run) {
        jdbc.update("""
                insert into job_last_run (job, started_at, finished_at, outcome, summary, triggered_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (job) do update set started_at = excluded.started_at, finished_at = excluded.finished_at,
                    outcome = excluded.outcome, summary = excluded.summary, triggered_by = excluded.triggered_by
                """, run.job(), run.ranAt(), run.finishedAt(), run.outcome(), run.summary(), run.trigger());
    }

    /** The last run of every job that has run, by job name. */
    Map<String, JobRunner.JobRun> lastRuns() {
        Map<String, JobRunner.JobRun> runs = new TreeMap<>();
        jdbc.list("select * from job_last_run", JobRuns::run).forEach(r -> runs.put(r.job(), r));
        return runs;
    }

    private static JobRunner.JobRun run(ResultSet row) throws SQLException {
        return new JobRunner.JobRun(row.getString("job"), Jdbc.instant(row, "started_at"),
                Jdbc.instant(row, "finished_at"), JobRunner.Outcome.valueOf(row.getString("outcome")),
                row.getString("summary"), JobRunner.Trigger.valueOf(row.getString("triggered_by")));
    }
}
