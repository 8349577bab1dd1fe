package org.cecplatform.audit.domain.sampling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The credential levels audited and the sampling rate of each. {@code levels} are in the order of the policy's
 * "highest credential" ties (CEP, EP, CPT, GEI, PAPHS, CIFT, CET by default).
 */
public record SamplingPolicy(List<String> levels, Map<String, SamplingRate> rates) {

    public SamplingPolicy {
        levels = List.copyOf(levels);
        rates = Map.copyOf(rates);
        for (String level : levels) {
            if (!rates.containsKey(level)) {
                throw new IllegalArgumentException("no sampling rate for level " + level);
            }
        }
        for (String level : rates.keySet()) {
            if (!levels.contains(level)) {
                throw new IllegalArgumentException("a sampling rate is configured for " + level
                        + ", which is not an audited level " + levels);
            }
        }
    }

    public boolean audits(String level) {
        return levels.contains(level);
    }

    public SamplingRate rateFor(String level) {
        SamplingRate rate = rates.get(level);
        if (rate == null) {
            throw new IllegalArgumentException("not an audited level: " + level);
        }
        return rate;
    }

    /**
     * Every level at {@code defaultRate}, except those named in {@code overrides}. Level codes are matched without
     * regard to case (an environment variable {@code CEC_AUDIT_SAMPLING_RATE_CPT} arrives as key {@code cpt}).
     */
    public static SamplingPolicy of(List<String> levels, java.math.BigDecimal defaultRate,
                                    Map<String, java.math.BigDecimal> overrides) {
        Map<String, java.math.BigDecimal> byCode = new LinkedHashMap<>();
        overrides.forEach((level, rate) -> byCode.put(level.toUpperCase(java.util.Locale.ROOT), rate));
        Map<String, SamplingRate> rates = new LinkedHashMap<>();
        for (String level : levels) {
            rates.put(level, SamplingRate.of(byCode.getOrDefault(level, defaultRate)));
        }
        for (String level : byCode.keySet()) {
            if (!levels.contains(level)) {
                throw new IllegalArgumentException("a sampling rate is configured for " + level
                        + ", which is not an audited level " + levels);
            }
        }
        return new SamplingPolicy(levels, rates);
    }
}
