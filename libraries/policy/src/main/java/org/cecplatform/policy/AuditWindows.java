package org.cecplatform.policy;

import java.time.Period;

/**
 * The audit's windows, the same in every version: days from opening to the proof due date, the longest extension,
 * the remediation window, the time to cure an overdue audit and how long a renewal stays auditable.
 */
public record AuditWindows(int proofWindowDays, int maxExtensionDays, int remediationWindowDays, Period cureWindow,
                           Period auditableFor) {
}
