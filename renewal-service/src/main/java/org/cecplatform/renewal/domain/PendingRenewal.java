package org.cecplatform.renewal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A renewal request that met every requirement on the day it was made and waits for the payment provider to confirm
 * its fee. The request's moment fixes the kind, fee, counting window and CPR check; the renewal is recorded, and
 * published, only when the provider confirms exactly {@link #paymentDue()} for {@link #paymentReference()}.
 *
 * @param form    the renewal form as submitted (without a payment: the provider's confirmation supplies it)
 * @param quote   what the form was checked against on {@code requestedOn}: kind, fee, new cycle
 */
public record PendingRenewal(UUID renewalId, String certificantId, RenewalStatus status, LocalDate requestedOn,
                             Instant requestedAt, Instant expiresAt, String submittedBy, RenewalRequest form,
                             RenewalQuote quote, String paymentReference) {

    /** The amount, currency and reference the member is to pay. */
    public Payment paymentDue() {
        return new Payment(quote.fee().total(), quote.fee().currency(), paymentReference);
    }

    /** Whether a payment arriving {@code now} is too late for it (expired, or due to expire by now). */
    public boolean expiredAt(Instant now) {
        return status == RenewalStatus.EXPIRED || (status == RenewalStatus.PENDING && !now.isBefore(expiresAt));
    }

    /** The form as it is renewed once paid: the provider's confirmed payment in place of the member's word. */
    public RenewalRequest paidWith(Payment confirmed) {
        return new RenewalRequest(form.credentials(), form.attestedCecs(), form.acknowledged(), form.cpr(), confirmed);
    }
}
