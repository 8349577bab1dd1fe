package org.cecplatform.renewal.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cecplatform.policy.counting.CecCaps;

/**
 * The certifying body's rules, as configured (ACSM's by default). {@code credentials} is in rank order: the order
 * that breaks ties between credentials requiring the same CECs (CEP, EP, CPT, GEI, PAPHS, CIFT, CET for ACSM).
 *
 * @param cycleYears          a cycle ends on 31 December of the {@code cycleYears}-th calendar year after it starts
 * @param graceEnds           the last day of the grace period, in the year after the cycle ended
 * @param reinstatementYears  a lapsed cycle can be reinstated until 31 December of this many years after its end
 */
public record Policy(
        List<CredentialRule> credentials,
        ZoneId zone,
        String currency,
        int cycleYears,
        MonthDay graceEnds,
        int reinstatementYears,
        BigDecimal lateFee,
        BigDecimal reinstatementFee,
        BigDecimal additionalCredentialFee,
        CecCaps cecCaps,
        AttestationCaps attestationCaps) {

    public Policy {
        credentials = List.copyOf(credentials);
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(graceEnds, "graceEnds");
        Objects.requireNonNull(lateFee, "lateFee");
        Objects.requireNonNull(reinstatementFee, "reinstatementFee");
        Objects.requireNonNull(additionalCredentialFee, "additionalCredentialFee");
        Objects.requireNonNull(cecCaps, "cecCaps");
        Objects.requireNonNull(attestationCaps, "attestationCaps");
        if (credentials.isEmpty()) {
            throw new IllegalArgumentException("the policy names no credential");
        }
        if (new HashSet<>(credentials.stream().map(CredentialRule::code).toList()).size() != credentials.size()) {
            throw new IllegalArgumentException("a credential code appears twice in the policy");
        }
        if (cycleYears < 1 || reinstatementYears < 0) {
            throw new IllegalArgumentException("cycleYears must be at least 1 and reinstatementYears not negative");
        }
    }

    public Optional<CredentialRule> credential(String code) {
        return credentials.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public CredentialRule require(String code) {
        return credential(code).orElseThrow(() -> new IllegalArgumentException("unknown credential " + code));
    }

    public boolean knows(String code) {
        return credential(code).isPresent();
    }

    /**
     * The highest of a set of credentials: the most CECs required, ties broken by rank. It sets the requirement and
     * the fee of a renewal of the set, and the audit level.
     */
    public CredentialRule highest(Collection<String> codes) {
        CredentialRule highest = null;
        for (CredentialRule rule : credentials) { // rank order: the first of equals wins
            if (codes.contains(rule.code())
                    && (highest == null || rule.cecsRequired().compareTo(highest.cecsRequired()) > 0)) {
                highest = rule;
            }
        }
        if (highest == null) {
            throw new IllegalArgumentException("no known credential in " + codes);
        }
        return highest;
    }

    /** The rank of a credential (0 = highest in the tie-break order). */
    public int rank(String code) {
        for (int i = 0; i < credentials.size(); i++) {
            if (credentials.get(i).code().equals(code)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The calendar date of an instant in the policy time zone: what "today" means for every rule. */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }
}
