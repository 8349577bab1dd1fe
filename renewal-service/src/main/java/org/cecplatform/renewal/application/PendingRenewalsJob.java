package org.cecplatform.renewal.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cecplatform.platform.jobs.ScheduledJob;
import org.cecplatform.platform.persistence.ConflictRetry;
import org.cecplatform.renewal.persistence.PaymentRepository;
import org.jboss.logging.Logger;

/**
 * {@code pending-renewals}: renewal requests that were not paid in time (default 24 hours) expire, each in its own
 * transaction with its {@code PendingRenewalExpired} event. Expiring moves no certification. A payment arriving later
 * is kept as unmatched, for a refund. Each request is expired once under its person's lock, so running the job twice
 * (or on two instances) publishes nothing more.
 */
@ApplicationScoped
public class PendingRenewalsJob implements ScheduledJob {

    private static final Logger LOG = Logger.getLogger(PendingRenewalsJob.class);
    static final int BATCH = 200;

    private final PaymentRepository payments;
    private final CertificationCommands commands;
    private final Clock clock;

    public PendingRenewalsJob(PaymentRepository payments, CertificationCommands commands, Clock clock) {
        this.payments = payments;
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "pending-renewals";
    }

    @Override
    public String run() {
        Instant now = clock.instant();
        // A request that failed to expire stays due: remembered, so that the next batch moves past it.
        Set<UUID> visited = new HashSet<>();
        int expired = 0;
        int failures = 0;
        while (true) {
            List<PaymentRepository.RequestReference> due = QuarkusTransaction.requiringNew()
                    .call(() -> payments.dueToExpire(now, BATCH + visited.size()));
            List<PaymentRepository.RequestReference> fresh = due.stream()
                    .filter(request -> visited.add(request.renewalId())).toList();
            if (fresh.isEmpty()) {
                break;
            }
            for (PaymentRepository.RequestReference request : fresh) {
                try {
                    if (ConflictRetry.inNewTransaction(() -> commands.expire(request.certificantId(),
                            request.renewalId()))) {
                        expired++;
                    }
                } catch (RuntimeException e) {
                    // One request's failure must not stop the others; it is due again on the next run.
                    failures++;
                    LOG.errorf(e, "could not expire renewal request %s", request.renewalId());
                }
            }
        }
        return expired + " unpaid renewal requests expired" + (failures == 0 ? "" : ", " + failures + " failed");
    }
}
