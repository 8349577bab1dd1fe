package org.cecplatform.contract.renewal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code cec.renewals.RenewalPaymentRequested.v1}: a renewal request met every requirement and waits for its fee. The
 * renewal is made only when the payment provider confirms exactly {@code amount} in {@code currency} for
 * {@code reference} before {@code expiresAt}; then {@code CertificationRenewed} or {@code CertificationReinstated}
 * (version 2, with the same {@code renewalId} and the payment) follows, otherwise {@code PendingRenewalExpired}.
 *
 * @param kind        RENEWAL, LATE_RENEWAL or REINSTATEMENT, fixed on the day of the request
 * @param credentials the credentials the request renews, highest first
 * @param submittedBy who made the request (the token subject), as {@code CertificationRenewed.v2} names them
 */
public record RenewalPaymentRequestedV1(
        UUID renewalId,
        String certificantId,
        String kind,
        List<String> credentials,
        BigDecimal amount,
        String currency,
        String reference,
        Instant requestedAt,
        Instant expiresAt,
        String submittedBy) {
}
