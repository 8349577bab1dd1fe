package org.cecplatform.audit.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.AuditPolicy;
import org.cecplatform.audit.domain.audit.AuditStatus;
import org.cecplatform.audit.persistence.AuditRepository;
import org.cecplatform.platform.jobs.ScheduledJob;
import org.jboss.logging.Logger;

/**
 * {@code audit-deadlines}: open audits past their proof due date and remediations past their window become OVERDUE;
 * overdue audits not cured within the year FAIL. Runs on the service clock; running it again does nothing more.
 */
@ApplicationScoped
public class AuditDeadlinesJob implements ScheduledJob {

    private static final Logger LOG = Logger.getLogger(AuditDeadlinesJob.class);

    private final AuditRepository audits;
    private final AuditCommands commands;
    private final AuditPolicy policy;
    private final Clock clock;

    public AuditDeadlinesJob(AuditRepository audits, AuditCommands commands, AuditPolicy policy, Clock clock) {
        this.audits = audits;
        this.commands = commands;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "audit-deadlines";
    }

    @Override
    public String run() {
        Map<AuditStatus, Integer> moved = new EnumMap<>(AuditStatus.class);
        int failures = 0;
        // The work list in a short transaction of its own; each audit then moves in its own.
        List<UUID> due = QuarkusTransaction.requiringNew()
                .call(() -> audits.pastDeadline(policy.today(clock.instant())));
        for (UUID auditId : due) {
            try {
                moved.merge(commands.advance(auditId).status(), 1, Integer::sum);
            } catch (RuntimeException e) {
                // One audit must not hold up the others; it is tried again on the next run.
                failures++;
                LOG.errorf(e, "deadline sweep failed for audit %s", auditId);
            }
        }
        return "overdue " + moved.getOrDefault(AuditStatus.OVERDUE, 0)
                + ", failed " + moved.getOrDefault(AuditStatus.FAILED, 0)
                + (failures > 0 ? ", errors " + failures : "");
    }
}
