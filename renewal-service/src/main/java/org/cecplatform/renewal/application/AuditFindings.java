package org.cecplatform.renewal.application;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What one audit event asks of this service: a status outcome, replacement credits, or both (an AuditDecided that
 * failed the audit and counted replacement CECs); never neither.
 *
 * @param outcome      the status change the audit causes, or null
 * @param replacements the ledger credits the audit counted toward the audited cycle, or null
 */
public record AuditFindings(AuditOutcome outcome, ReplacementCredits replacements) {

    /**
     * Ledger credits the audit counted toward the audited cycle (completed after the window the renewal counted), by
     * a decision made at {@code decidedAt} (null when the event does not say).
     */
    public record ReplacementCredits(UUID auditId, UUID renewalId, List<UUID> creditIds, Instant decidedAt) {

        public ReplacementCredits {
            Objects.requireNonNull(auditId, "auditId");
            creditIds = List.copyOf(creditIds);
        }
    }

    public AuditFindings {
        if (outcome == null && replacements == null) {
            throw new IllegalArgumentException("an audit event asks for a status outcome, replacement credits or both");
        }
    }
}
