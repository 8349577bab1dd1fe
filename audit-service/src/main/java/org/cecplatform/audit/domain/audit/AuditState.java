package org.cecplatform.audit.domain.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Everything an audit knows, as an immutable snapshot: what is stored, and what the API shows.
 *
 * @param originalDueOn    the proof due date set when the audit opened
 * @param proofDueOn       the proof due date now (after an extension, the extended one)
 * @param overdueSince     the first day the audit was overdue (null while it never was)
 * @param cureBy           the last day an overdue audit can be cured
 * @param replacementFrom  from this date on, newly earned verified credits count as replacement CECs (set when the
 *                         audit first goes to remediation or overdue)
 * @param round            how many submissions were made
 */
public record AuditState(UUID auditId, RenewalUnderAudit renewal, Selection selection, AuditStatus status,
                         LocalDate openedOn, Instant openedAt, LocalDate originalDueOn, LocalDate proofDueOn,
                         Extension extension, List<AuditItem> items, List<Decision> decisions,
                         LocalDate remediationDueOn, LocalDate overdueSince, LocalDate cureBy,
                         LocalDate replacementFrom, int round, String closedReason, Instant closedAt,
                         LocalDate validUntil) {

    public AuditState {
        items = items == null ? List.of() : List.copyOf(items);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    public String reason() {
        return selection.reason(renewal.level(), renewal.year());
    }

    public Decision lastDecision() {
        return decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
    }

    /**
     * The ledger credits this audit claims for the audited cycle: those of accepted (or pre-accepted) items, and the
     * replacement credits a decision counted. No other audit of the person may accept them.
     */
    public Set<UUID> claimedLedgerCredits() {
        Set<UUID> claimed = new LinkedHashSet<>();
        items.stream().filter(i -> i.wasAccepted() && i.creditId() != null).forEach(i -> claimed.add(i.creditId()));
        decisions.forEach(d -> claimed.addAll(d.replacementCreditIds()));
        return claimed;
    }

    /** The day after which time alone changes the audit (the sweep's work), or null when nothing is pending. */
    public LocalDate nextDeadline() {
        return switch (status) {
            case OPEN -> proofDueOn;
            case REMEDIATION -> remediationDueOn;
            case OVERDUE -> cureBy;
            default -> null;
        };
    }
}
