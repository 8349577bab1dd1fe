package org.cecplatform.renewal.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cecplatform.platform.jobs.ScheduledJob;
import org.cecplatform.renewal.domain.RenewalRulesHistory;
import org.cecplatform.renewal.persistence.CertificantRepository;
import org.jboss.logging.Logger;

/**
 * {@code certification-status}: moves recorded statuses along the calendar (ACTIVE → GRACE → LAPSED → EXPIRED) and
 * publishes one CertificationStatusChanged per step. Only people whose next calendar change is due are visited, and
 * each is settled under their lock against the recorded status, so running the job twice publishes nothing more.
 */
@ApplicationScoped
public class CertificationStatusJob implements ScheduledJob {

    private static final Logger LOG = Logger.getLogger(CertificationStatusJob.class);
    static final int BATCH = 200;

    private final CertificantRepository certificants;
    private final CertificationCommands commands;
    private final RenewalRulesHistory rules;
    private final Clock clock;

    public CertificationStatusJob(CertificantRepository certificants, CertificationCommands commands,
                                  RenewalRulesHistory rules, Clock clock) {
        this.certificants = certificants;
        this.commands = commands;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "certification-status";
    }

    @Override
    public String run() {
        LocalDate today = rules.dateOf(clock.instant());
        Set<String> visited = new HashSet<>();
        int changes = 0;
        int failures = 0;
        while (true) {
            List<String> due = QuarkusTransaction.requiringNew()
                    .call(() -> certificants.certificantsWithStatusChangeDue(today, BATCH + visited.size()));
            List<String> fresh = due.stream().filter(visited::add).toList();
            if (fresh.isEmpty()) {
                break;
            }
            for (String certificantId : fresh) {
                try {
                    changes += commands.settle(certificantId);
                } catch (RuntimeException e) {
                    // One person's failure must not stop the others; they are visited again on the next run.
                    failures++;
                    LOG.errorf(e, "could not settle the statuses of %s", certificantId);
                }
            }
        }
        return "on " + today + ": " + changes + " status change(s) for " + visited.size() + " certificant(s)"
                + (failures == 0 ? "" : ", " + failures + " failed");
    }
}
