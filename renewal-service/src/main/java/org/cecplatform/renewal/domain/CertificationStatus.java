package org.cecplatform.renewal.domain;

/**
 * The status of a certification. ACTIVE, GRACE, LAPSED and EXPIRED follow the calendar; INACTIVE (audit proof overdue)
 * holds until the audit is cured, whatever the calendar does meanwhile; REVOKED (audit finally failed) is final.
 * EXPIRED is a lapsed certification out of reach of reinstatement: only a new exam (a new certification) restores
 * it, so it is final too.
 */
public enum CertificationStatus {
    ACTIVE, GRACE, LAPSED, EXPIRED, INACTIVE, REVOKED;

    /** Nothing but a new certification follows a final status. */
    public boolean isFinal() {
        return this == EXPIRED || this == REVOKED;
    }

    /** Statuses the calendar moves on its own. */
    public boolean followsCalendar() {
        return this == ACTIVE || this == GRACE || this == LAPSED;
    }
}
