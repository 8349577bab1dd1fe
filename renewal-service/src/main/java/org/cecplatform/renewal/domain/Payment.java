package org.cecplatform.renewal.domain;

import java.math.BigDecimal;

/** The payment of a renewal, as the payment provider confirmed it; this product records it, it does not process it. */
public record Payment(BigDecimal amount, String currency, String reference) {
}
