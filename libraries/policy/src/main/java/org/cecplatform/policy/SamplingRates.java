package org.cecplatform.policy;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The fraction (0 to 1) of each audit level's renewals drawn at random in a year: {@code perLevel} for the levels
 * named there, {@code defaultRate} for the others. The levels are the version's credentials.
 */
public record SamplingRates(BigDecimal defaultRate, Map<String, BigDecimal> perLevel) {

    public SamplingRates {
        perLevel = Map.copyOf(perLevel);
    }

    public BigDecimal rateFor(String level) {
        return perLevel.getOrDefault(level, defaultRate);
    }
}
