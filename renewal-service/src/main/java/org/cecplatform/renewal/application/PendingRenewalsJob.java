package org.cecplatform.renewal.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.cecplatform.platform.jobs.ScheduledJob;

/**
 * {@code pending-renewals}: renewal requests that were not paid in time (default 24 hours) expire. Expiring changes
 * nothing else: no certification moved, no event. A payment arriving later is kept as unmatched, for a refund.
 */
@ApplicationScoped
public class PendingRenewalsJob implements ScheduledJob {

    private final PaymentConfirmations payments;

    public PendingRenewalsJob(PaymentConfirmations payments) {
        this.payments = payments;
    }

    @Override
    public String name() {
        return "pending-renewals";
    }

    @Override
    public String run() {
        return payments.expireDue() + " unpaid renewal requests expired";
    }
}
