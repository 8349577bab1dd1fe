package org.cecplatform.renewal.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A genuine payment that renewed nothing, kept for staff to refund; {@code reason} says why it matched nothing. */
public record UnmatchedPayment(String eventId, Instant receivedAt, String reference, BigDecimal amount, String currency,
                               UUID renewalId, String reason) {
}
