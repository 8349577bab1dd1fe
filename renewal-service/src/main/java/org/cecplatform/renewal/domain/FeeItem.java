package org.cecplatform.renewal.domain;

import java.math.BigDecimal;

public record FeeItem(String description, BigDecimal amount) {
}
