package org.cecplatform.policy;

import java.math.BigDecimal;

/**
 * The fees besides each credential's renewal fee: {@code late} once per renewal in the grace period (on top of the
 * renewal fee), {@code reinstatement} once per reinstatement (instead of the renewal and late fees),
 * {@code additionalCredential} for each credential renewed together with the highest one.
 */
public record Fees(BigDecimal late, BigDecimal reinstatement, BigDecimal additionalCredential) {
}
