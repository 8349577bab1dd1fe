package org.cecplatform.renewal.domain;

/** Why a ledger credit counted toward the cycle explained, or why it did not (fully). */
public enum ProgressReason {
    /** Counted in full. */
    COUNTED,
    /** A category's cap (per calendar year or per cycle) cut it, fully or partly. */
    CAP_REACHED,
    /** Completed before the counting window or after it (no renewal counted it either). */
    OUTSIDE_WINDOW,
    /** Voided in the ledger. */
    VOIDED,
    /** An audit accepted it as a replacement CEC for the audited cycle: it counts there only. */
    REMEDIATION_REPLACEMENT,
    /** Completed inside the previous cycle's window: the renewal that started this cycle counted it for that one. */
    COUNTED_BY_EARLIER_RENEWAL,
    /**
     * Explaining a past cycle: completed after the renewal that closed it was requested (its counting window ends on
     * the request day), so it counts toward the next cycle.
     */
    AFTER_RENEWAL_REQUEST
}
