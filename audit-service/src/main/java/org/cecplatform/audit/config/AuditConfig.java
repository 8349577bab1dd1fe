package org.cecplatform.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import java.util.Map;

/** The audit policy as configuration, with ACSM's published defaults. */
@ConfigMapping(prefix = "cec.audit")
public interface AuditConfig {

    /** The credential levels audited, highest first (the tie order of "highest credential"). */
    @WithDefault("CEP,EP,CPT,GEI,PAPHS,CIFT,CET")
    List<String> levels();

    /** The policy time zone: deadlines are end of day here. */
    @WithDefault("America/New_York")
    String zone();

    /** Days from opening to the proof due date. */
    @WithDefault("30")
    int proofWindowDays();

    /** The longest extension staff may grant, in days after the current due date (once per audit). */
    @WithDefault("30")
    int maxExtensionDays();

    /** Days a person has for further items after a REMEDIATION decision. */
    @WithDefault("90")
    int remediationWindowDays();

    /** How long an overdue audit can be cured (ISO-8601 period). */
    @WithDefault("P1Y")
    Period cureWindow();

    /** How long after the renewal date a renewal stays in the pool and can be audited (ISO-8601 period). */
    @WithDefault("P1Y")
    Period auditableFor();

    Sampling sampling();

    interface Sampling {

        /** The rate of every level without its own key: a fraction (0.10 = 10 %). */
        @WithDefault("0.10")
        BigDecimal defaultRate();

        /** One key per level, e.g. {@code cec.audit.sampling.rate.CPT=0.10}; a fraction from 0 to 1. */
        Map<String, BigDecimal> rate();
    }
}
