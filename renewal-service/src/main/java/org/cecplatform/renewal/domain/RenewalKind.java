package org.cecplatform.renewal.domain;

/** On time (final year), late (grace period, late fee) or a reinstatement (lapsed, reinstatement fee, new schedule). */
public enum RenewalKind {
    RENEWAL, LATE_RENEWAL, REINSTATEMENT
}
