package org.cecplatform.ledger.domain;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The ledger's policy values (ACSM's by default, configuration in production): the time zone that decides what
 * "today" is, the CECs one reported unit is worth, the largest credit, and the passing college grades.
 */
public record LedgerPolicy(ZoneId zone, Map<Unit, BigDecimal> cecsPerUnit, BigDecimal maxCecsPerCredit,
                           Set<String> passingGrades) {

    public LedgerPolicy {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(maxCecsPerCredit, "maxCecsPerCredit");
        for (Unit unit : Unit.values()) {
            BigDecimal factor = cecsPerUnit.get(unit);
            if (factor == null || factor.signum() <= 0) {
                throw new IllegalArgumentException("the CECs per " + unit + " must be configured and positive");
            }
        }
        if (maxCecsPerCredit.signum() <= 0) {
            throw new IllegalArgumentException("the largest credit must be positive");
        }
        for (String grade : passingGrades) {
            if (Grade.parse(grade).isEmpty()) {
                throw new IllegalArgumentException("unknown passing grade " + grade);
            }
        }
        cecsPerUnit = Map.copyOf(new EnumMap<>(cecsPerUnit));
        passingGrades = Set.copyOf(passingGrades.stream().map(g -> Grade.parse(g).orElseThrow()).toList());
    }

    /** ACSM's published rules: CEU and college credit hours × 10, the rest × 1; at most 100 CECs; grade C or better. */
    public static LedgerPolicy acsm() {
        Map<Unit, BigDecimal> factors = new EnumMap<>(Unit.class);
        factors.put(Unit.CEC, BigDecimal.ONE);
        factors.put(Unit.CME, BigDecimal.ONE);
        factors.put(Unit.CONTACT_HOUR, BigDecimal.ONE);
        factors.put(Unit.CEU, BigDecimal.TEN);
        factors.put(Unit.COLLEGE_CREDIT_HOUR, BigDecimal.TEN);
        return new LedgerPolicy(ZoneId.of("America/New_York"), factors, BigDecimal.valueOf(100),
                Set.copyOf(List.of("A+", "A", "A-", "B+", "B", "B-", "C+", "C", "P")));
    }

    public LedgerPolicy withZone(ZoneId other) {
        return new LedgerPolicy(other, cecsPerUnit, maxCecsPerCredit, passingGrades);
    }

    public LedgerPolicy withMaxCecsPerCredit(BigDecimal max) {
        return new LedgerPolicy(zone, cecsPerUnit, max, passingGrades);
    }
}
