package org.cecplatform.ledger.domain;

import java.math.BigDecimal;

/**
 * A credit as a person or staff member claims it, before any rule was checked: enumerations and the date are still
 * text, so that every problem of a claim can be reported at once.
 */
public record CreditClaim(String title, String provider, String providerKind, String category, String completedOn,
                          BigDecimal amount, String unit, Boolean inScope, String grade) {
}
