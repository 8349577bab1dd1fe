package org.cecplatform.renewal.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Whether a certification can be renewed on a date, and why not.
 *
 * @param status    the status on that date (the calendar's, unless INACTIVE, REVOKED or EXPIRED was recorded)
 * @param kind      what a renewal would be (null when not renewable)
 * @param deadline  the last day of the current phase (cycle end, grace end, reinstatement reach), null when none
 * @param countFrom first completion date counting toward the cycle
 * @param countTo   last completion date counting toward the cycle as of that date
 */
public record Eligibility(CertificationStatus status, Phase phase, RenewalKind kind, boolean renewable,
                          List<String> reasons, LocalDate deadline, LocalDate countFrom, LocalDate countTo) {

    public Eligibility {
        reasons = List.copyOf(reasons);
    }
}
