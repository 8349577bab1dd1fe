package org.cecplatform.audit.domain.sampling;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The credential levels audited and the sampling rate of each, by year. {@code levels} are in the order of the
 * policy's "highest credential" ties (CEP, EP, CPT, GEI, PAPHS, CIFT, CET by default). A level-year pool is sampled
 * at the rate of its year: the rates of the policy version in force on 1 January of that year.
 */
public final class SamplingPolicy {

    /** The rates a policy version sets: one per level named, {@code defaultRate} for the others. */
    public record Rates(BigDecimal defaultRate, Map<String, BigDecimal> perLevel) {

        public Rates {
            perLevel = Map.copyOf(perLevel);
        }
    }

    private final List<String> levels;
    private final NavigableMap<Integer, Map<String, SamplingRate>> ratesFromYear;

    private SamplingPolicy(List<String> levels, NavigableMap<Integer, Map<String, SamplingRate>> ratesFromYear) {
        this.levels = List.copyOf(levels);
        this.ratesFromYear = ratesFromYear;
    }

    public List<String> levels() {
        return levels;
    }

    public boolean audits(String level) {
        return levels.contains(level);
    }

    /** The rate of a level's pool of {@code year}. */
    public SamplingRate rateFor(String level, int year) {
        Map.Entry<Integer, Map<String, SamplingRate>> inForce = ratesFromYear.floorEntry(year);
        SamplingRate rate = (inForce == null ? ratesFromYear.firstEntry() : inForce).getValue().get(level);
        if (rate == null) {
            throw new IllegalArgumentException("not an audited level: " + level);
        }
        return rate;
    }

    /** Every level at {@code defaultRate} in every year, except those named in {@code overrides}. */
    public static SamplingPolicy of(List<String> levels, BigDecimal defaultRate, Map<String, BigDecimal> overrides) {
        return of(levels, new TreeMap<>(Map.of(Integer.MIN_VALUE, new Rates(defaultRate, Map.of()))), overrides);
    }

    /**
     * The rates of each year from {@code ratesFromYear} (the first year each applies to; years before the first take
     * the first), except the levels named in {@code overrides}, which have that rate in every year. Level codes of
     * overrides are matched without regard to case (an environment variable {@code CEC_AUDIT_SAMPLING_RATE_CPT}
     * arrives as key {@code cpt}).
     *
     * @throws IllegalArgumentException an override for a level not audited, a rate outside 0..1 or with more than six
     *                                  decimal places
     */
    public static SamplingPolicy of(List<String> levels, NavigableMap<Integer, Rates> ratesFromYear,
                                    Map<String, BigDecimal> overrides) {
        if (ratesFromYear.isEmpty()) {
            throw new IllegalArgumentException("no sampling rates");
        }
        Map<String, BigDecimal> byCode = new LinkedHashMap<>();
        overrides.forEach((level, rate) -> byCode.put(level.toUpperCase(Locale.ROOT), rate));
        for (String level : byCode.keySet()) {
            if (!levels.contains(level)) {
                throw new IllegalArgumentException("a sampling rate is configured for " + level
                        + ", which is not an audited level " + levels);
            }
        }
        NavigableMap<Integer, Map<String, SamplingRate>> rates = new TreeMap<>();
        ratesFromYear.forEach((year, version) -> {
            Map<String, SamplingRate> ofYear = new LinkedHashMap<>();
            for (String level : levels) {
                BigDecimal rate = byCode.getOrDefault(level, version.perLevel().getOrDefault(level,
                        version.defaultRate()));
                ofYear.put(level, SamplingRate.of(rate));
            }
            rates.put(year, Map.copyOf(ofYear));
        });
        return new SamplingPolicy(levels, rates);
    }
}
