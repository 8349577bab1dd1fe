package org.cecplatform.ledger.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

/** The ledger's policy values (prefix {@code cec.policy}); the defaults are ACSM's published rules. */
@ConfigMapping(prefix = "cec.policy")
public interface PolicyConfig {

    /** The zone whose calendar decides what "today" and a completion date are. */
    @WithDefault("America/New_York")
    ZoneId timeZone();

    /** The most CECs one credit may be worth. */
    @WithDefault("100")
    BigDecimal maxCecsPerCredit();

    /** College grades that count (C or better, or P for pass). */
    @WithDefault("A+,A,A-,B+,B,B-,C+,C,P")
    List<String> passingGrades();

    /** CECs per reported unit. */
    Conversion conversion();

    interface Conversion {
        @WithDefault("1")
        BigDecimal cec();

        @WithDefault("1")
        BigDecimal cme();

        @WithDefault("1")
        BigDecimal contactHour();

        /** The decimal system of ACE, NSCA, NASM, IACET: 0.1 CEU = 1 hour. */
        @WithDefault("10")
        BigDecimal ceu();

        @WithDefault("10")
        BigDecimal collegeCreditHour();
    }
}
