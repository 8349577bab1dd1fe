package org.cecplatform.renewal.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cecplatform.platform.persistence.ConflictRetry;
import org.cecplatform.renewal.domain.Payment;
import org.cecplatform.renewal.domain.PaymentNotice;
import org.cecplatform.renewal.domain.PaymentOutcome;
import org.cecplatform.renewal.domain.PendingRenewal;
import org.cecplatform.renewal.domain.RenewalStatus;
import org.cecplatform.renewal.domain.RequirementsUnmetException;
import org.cecplatform.renewal.persistence.CertificantRepository;
import org.cecplatform.renewal.persistence.PaymentRepository;

/**
 * What a genuine notification from the payment provider does (its signature is checked before it reaches here). Each
 * provider event id is handled once: a redelivery answers what the first delivery did. A successful payment of exactly
 * the fee, in the fee's currency, for a renewal still waiting for it, completes that renewal in the same transaction
 * (and its events are published after commit); any other payment is kept as unmatched money for staff to refund,
 * never dropped.
 */
@ApplicationScoped
public class PaymentConfirmations {

    private final PaymentRepository payments;
    private final CertificantRepository certificants;
    private final CertificationCommands commands;
    private final Clock clock;

    public PaymentConfirmations(PaymentRepository payments, CertificantRepository certificants,
                                CertificationCommands commands, Clock clock) {
        this.payments = payments;
        this.certificants = certificants;
        this.commands = commands;
        this.clock = clock;
    }

    /** Handles one notification; {@code body} is kept as received, for the record. */
    public PaymentOutcome confirm(PaymentNotice notice, String body) {
        return ConflictRetry.inNewTransaction(() -> {
            Instant now = clock.instant();
            if (!payments.claim(notice, now, body)) {
                return payments.outcomeOf(notice.eventId()).orElseThrow();
            }
            PaymentOutcome outcome = decide(notice, now);
            payments.record(outcome);
            return outcome;
        });
    }

    private PaymentOutcome decide(PaymentNotice notice, Instant now) {
        Optional<PaymentRepository.RequestReference> found = notice.reference() == null ? Optional.empty()
                : payments.requestWithReference(notice.reference());
        if (!notice.succeeded()) {
            return PaymentOutcome.notPaid(notice.eventId(),
                    found.map(PaymentRepository.RequestReference::renewalId).orElse(null), notice.status());
        }
        if (found.isEmpty()) {
            return PaymentOutcome.unmatched(notice.eventId(), null,
                    "no renewal has the payment reference '" + notice.reference() + "'");
        }
        // Under the person's lock, so two payments of one renewal are decided one after the other.
        certificants.lock(found.get().certificantId());
        PendingRenewal pending = payments.pending(found.get().renewalId()).orElseThrow();
        String refused = refusal(pending, notice, now);
        if (refused != null) {
            return PaymentOutcome.unmatched(notice.eventId(), pending.renewalId(), refused);
        }
        try {
            commands.completeRenewal(pending, notice.payment());
        } catch (RequirementsUnmetException e) {
            return PaymentOutcome.unmatched(notice.eventId(), pending.renewalId(),
                    "the renewal requested on " + pending.requestedOn() + " can no longer be made: "
                            + e.violations().stream().map(v -> v.field() + " " + v.message())
                            .collect(Collectors.joining("; ")));
        }
        payments.settle(pending.renewalId(), RenewalStatus.COMPLETED, now);
        return PaymentOutcome.renewed(notice.eventId(), pending.renewalId());
    }

    /** Why this payment cannot complete this renewal (one found out of time is marked EXPIRED); null when it can. */
    private String refusal(PendingRenewal pending, PaymentNotice notice, Instant now) {
        if (pending.status() == RenewalStatus.COMPLETED) {
            return "renewal " + pending.renewalId() + " was already paid and renewed";
        }
        if (pending.expiredAt(now)) {
            // Out of time but not yet swept by the pending-renewals job: this payment expires it, with its event.
            commands.expire(pending.certificantId(), pending.renewalId());
            return "renewal " + pending.renewalId() + " expired unpaid at " + pending.expiresAt();
        }
        Payment due = pending.paymentDue();
        if (notice.amount().compareTo(due.amount()) != 0 || !due.currency().equals(notice.currency())) {
            return "paid " + money(notice.amount()) + " " + notice.currency() + "; renewal " + pending.renewalId()
                    + " is due exactly " + money(due.amount()) + " " + due.currency();
        }
        return null;
    }

    /** An amount as people write it: at least two decimals. */
    private static String money(BigDecimal amount) {
        return (amount.scale() < 2 ? amount.setScale(2) : amount).toPlainString();
    }
}
