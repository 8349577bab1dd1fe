package org.cecplatform.audit.domain.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The audit rules that are configuration (ACSM defaults in brackets): the policy time zone [America/New_York], days
 * to submit proof [30], the longest extension [30 days], the remediation window [90 days], the time to cure an overdue
 * audit [1 year] and how long a renewal stays auditable [1 year].
 */
public record AuditPolicy(ZoneId zone, int proofWindowDays, int maxExtensionDays, int remediationWindowDays,
                          Period cureWindow, Period auditableFor) {

    public AuditPolicy {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(cureWindow, "cureWindow");
        Objects.requireNonNull(auditableFor, "auditableFor");
        if (proofWindowDays < 1 || maxExtensionDays < 1 || remediationWindowDays < 1) {
            throw new IllegalArgumentException("windows are at least one day");
        }
    }

    public static AuditPolicy acsm() {
        return new AuditPolicy(ZoneId.of("America/New_York"), 30, 30, 90, Period.ofYears(1), Period.ofYears(1));
    }

    /** The calendar date in the policy zone: deadlines are end of that day. */
    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }

    /** A renewal on {@code renewedOn} may be audited up to and including this day. */
    public LocalDate auditableUntil(LocalDate renewedOn) {
        return renewedOn.plus(auditableFor);
    }
}
