package org.cecplatform.contract.renewal;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code cec.renewals.PendingRenewalExpired.v1}: a renewal request announced by {@code RenewalPaymentRequested} was not
 * paid in time and will never be made; nothing else changed. A payment arriving later is kept for a refund.
 *
 * @param reference the payment reference the request was given
 * @param expiredAt when the service expired it: at or after the request's {@code expiresAt}
 */
public record PendingRenewalExpiredV1(
        UUID renewalId,
        String certificantId,
        String reference,
        Instant expiredAt) {
}
