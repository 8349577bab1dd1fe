package org.cecplatform.renewal.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The certifying body's policy ({@code cec.policy.*}); defaults are ACSM's published rules. The credential table
 * ({@code cec.policy.credentials.<CODE>.name|cecs-required|fee}) is in {@code application.properties}.
 */
@ConfigMapping(prefix = "cec.policy")
public interface PolicyConfig {

    /** The time zone whose calendar dates every rule uses; deadlines are end of day there. */
    @WithDefault("America/New_York")
    ZoneId zone();

    @WithDefault("USD")
    String currency();

    /** A cycle ends on 31 December of this many calendar years after its start. */
    @WithDefault("3")
    int cycleYears();

    /** The last day of the grace period (month-day), in the year after the cycle ended. */
    @WithDefault("06-30")
    String graceEnds();

    /** A lapsed cycle can be reinstated until 31 December of this many years after its end. */
    @WithDefault("3")
    int reinstatementYears();

    /** Once per late renewal, on top of the renewal fee. */
    @WithDefault("80")
    BigDecimal lateFee();

    /** Once per reinstatement, instead of the renewal and late fees. */
    @WithDefault("165")
    BigDecimal reinstatementFee();

    /** For each credential renewed together with the highest one. */
    @WithDefault("5")
    BigDecimal additionalCredentialFee();

    /** The tie-break order of credentials requiring the same CECs, highest first; names every credential. */
    @WithDefault("CEP,EP,CPT,GEI,PAPHS,CIFT,CET")
    List<String> rank();

    /** The credential table, by code. */
    Map<String, Credential> credentials();

    /** Caps applied when counting ledger credits toward a cycle. */
    Caps caps();

    /** Caps on the attested totals of the renewal form. */
    AttestedCaps attestedCaps();

    interface Credential {
        String name();

        BigDecimal cecsRequired();

        BigDecimal fee();
    }

    interface Caps {
        @WithDefault("8")
        BigDecimal committeeServicePerYear();

        @WithDefault("24")
        BigDecimal committeeServicePerCycle();

        @WithDefault("5")
        BigDecimal cprAedFirstAidPerYear();
    }

    interface AttestedCaps {
        @WithDefault("24")
        BigDecimal committeeService();

        @WithDefault("15")
        BigDecimal cprAedFirstAid();
    }
}
