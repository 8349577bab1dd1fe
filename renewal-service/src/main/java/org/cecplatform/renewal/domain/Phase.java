package org.cecplatform.renewal.domain;

/** Where a date falls relative to a cycle's deadlines, as far as renewing is concerned. */
public enum Phase {
    /** Before the final year of the cycle: nothing to renew yet. */
    NOT_DUE,
    /** In the final year (1 January to the cycle's end): renewal on time. */
    DUE,
    /** After the end, up to the grace end (30 June): late renewal with the late fee. */
    GRACE,
    /** After the grace period, within reach of reinstatement. */
    LAPSED,
    /** Lapsed beyond the reach of reinstatement: only a new exam. */
    OUT_OF_REACH;

    public CertificationStatus calendarStatus() {
        return switch (this) {
            case NOT_DUE, DUE -> CertificationStatus.ACTIVE;
            case GRACE -> CertificationStatus.GRACE;
            case LAPSED -> CertificationStatus.LAPSED;
            case OUT_OF_REACH -> CertificationStatus.EXPIRED;
        };
    }

    /** What a renewal in this phase is, if one is possible. */
    public RenewalKind renewalKind() {
        return switch (this) {
            case DUE -> RenewalKind.RENEWAL;
            case GRACE -> RenewalKind.LATE_RENEWAL;
            case LAPSED -> RenewalKind.REINSTATEMENT;
            case NOT_DUE, OUT_OF_REACH -> null;
        };
    }
}
