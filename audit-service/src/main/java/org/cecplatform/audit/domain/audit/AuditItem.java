package org.cecplatform.audit.domain.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An item of the audit: a submitted credit and its review. {@code preAccepted} items are verified ledger credits
 * (accepted without documents). {@code accepted} is null until reviewed. {@code round} counts submissions (1 for the
 * first, 2 for the first remediation…). {@code enteredBy} is the staff member who entered the item from the person's
 * paper form on their behalf; null when the person submitted it themselves.
 */
public record AuditItem(UUID itemId, UUID creditId, String title, String provider, LocalDate completedOn,
                        BigDecimal cecs, String category, List<UUID> documentIds, boolean preAccepted,
                        Boolean accepted, String disallowedReason, int round, Instant submittedAt,
                        String enteredBy) {

    public AuditItem {
        documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
    }

    public boolean undecided() {
        return accepted == null;
    }

    public boolean wasAccepted() {
        return Boolean.TRUE.equals(accepted);
    }

    public boolean wasDisallowed() {
        return Boolean.FALSE.equals(accepted);
    }

    AuditItem decided(boolean accept, String reason) {
        return new AuditItem(itemId, creditId, title, provider, completedOn, cecs, category, documentIds, preAccepted,
                accept, accept ? null : reason, round, submittedAt, enteredBy);
    }
}
