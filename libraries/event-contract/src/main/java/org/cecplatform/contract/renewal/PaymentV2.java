package org.cecplatform.contract.renewal;

import java.math.BigDecimal;

/** The payment the provider confirmed for a renewal; {@code reference} null only on an event upcast from version 1. */
public record PaymentV2(BigDecimal amount, String currency, String reference) {
}
