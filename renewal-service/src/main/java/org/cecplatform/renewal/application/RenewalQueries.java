package org.cecplatform.renewal.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.renewal.domain.PendingRenewal;
import org.cecplatform.renewal.domain.Renewal;
import org.cecplatform.renewal.domain.UnmatchedPayment;
import org.cecplatform.renewal.persistence.PaymentRepository;
import org.cecplatform.renewal.persistence.RenewalRepository;

/**
 * Reads of renewals: those recorded, the requests still waiting for their payment, and the payments that matched no
 * renewal (money to refund). Each in a transaction of its own.
 */
@ApplicationScoped
public class RenewalQueries {

    private final RenewalRepository renewals;
    private final PaymentRepository payments;

    public RenewalQueries(RenewalRepository renewals, PaymentRepository payments) {
        this.renewals = renewals;
        this.payments = payments;
    }

    /** A renewal recorded (completed). */
    public Optional<Renewal> renewal(UUID renewalId) {
        return QuarkusTransaction.requiringNew().call(() -> renewals.renewal(renewalId));
    }

    /** A person's renewals, newest first. */
    public Page<Renewal> renewalsOf(String certificantId, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> new Page<>(
                renewals.renewalsOf(certificantId, page, size), renewals.countRenewalsOf(certificantId)));
    }

    /** A renewal request as recorded: pending, completed (the renewal has the figures) or expired. */
    public Optional<PendingRenewal> request(UUID renewalId) {
        return QuarkusTransaction.requiringNew().call(() -> payments.pending(renewalId));
    }

    public List<PendingRenewal> awaitingPayment(String certificantId) {
        return QuarkusTransaction.requiringNew().call(() -> payments.pendingOf(certificantId));
    }

    /** Genuine payments that renewed nothing, newest first. */
    public Page<UnmatchedPayment> unmatchedPayments(int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> new Page<>(payments.unmatched(page, size),
                payments.countUnmatched()));
    }
}
