package org.cecplatform.ledger.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a credit is, once accepted: typed, converted, checked. {@code cecs} is exact; {@code grade} is set for a
 * college course only.
 */
public record CreditDetails(String title, String provider, ProviderKind providerKind, Category category,
                            LocalDate completedOn, BigDecimal amount, Unit unit, BigDecimal cecs, String grade) {

    public CreditDetails {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerKind, "providerKind");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(completedOn, "completedOn");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(cecs, "cecs");
        if (cecs.signum() <= 0) {
            throw new IllegalArgumentException("a credit is worth more than 0 CECs");
        }
    }
}
