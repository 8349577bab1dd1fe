package org.cecplatform.renewal.domain;

/** How a cycle began: a grant after an exam, a renewal (on time or late) or a reinstatement. */
public enum CycleOrigin {
    GRANT, RENEWAL, LATE_RENEWAL, REINSTATEMENT;

    static CycleOrigin of(RenewalKind kind) {
        return switch (kind) {
            case RENEWAL -> RENEWAL;
            case LATE_RENEWAL -> LATE_RENEWAL;
            case REINSTATEMENT -> REINSTATEMENT;
        };
    }
}
