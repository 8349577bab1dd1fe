package org.cecplatform.ledger.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Turns a reported amount into CECs, exactly (decimal arithmetic, never floating point). */
public final class CreditConversion {

    private final LedgerPolicy policy;

    public CreditConversion(LedgerPolicy policy) {
        this.policy = policy;
    }

    /** The exact CECs {@code amount} of {@code unit} is worth. */
    public BigDecimal toCecs(BigDecimal amount, Unit unit) {
        return amount.multiply(policy.cecsPerUnit().get(unit));
    }

    /** CECs as they are shown: one decimal place (the stored value stays exact). */
    public static BigDecimal shown(BigDecimal cecs) {
        return cecs.setScale(1, RoundingMode.HALF_UP);
    }
}
