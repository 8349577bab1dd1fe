package org.cecplatform.renewal.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.renewal.domain.PendingRenewal;
import org.cecplatform.renewal.domain.UnmatchedPayment;
import org.cecplatform.renewal.persistence.PaymentRepository;

/** Reads of renewal requests and their payments: what is waiting to be paid, and money that matched nothing. */
@ApplicationScoped
public class PaymentQueries {

    private final PaymentRepository payments;

    public PaymentQueries(PaymentRepository payments) {
        this.payments = payments;
    }

    /** A renewal request as recorded: pending, completed (the renewal has the figures) or expired. */
    public Optional<PendingRenewal> request(UUID renewalId) {
        return QuarkusTransaction.requiringNew().call(() -> payments.pending(renewalId));
    }

    public List<PendingRenewal> awaitingPayment(String certificantId) {
        return QuarkusTransaction.requiringNew().call(() -> payments.pendingOf(certificantId));
    }

    public CertificationQueries.Page<UnmatchedPayment> unmatched(int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> new CertificationQueries.Page<>(
                payments.unmatched(page, size), payments.countUnmatched()));
    }
}
