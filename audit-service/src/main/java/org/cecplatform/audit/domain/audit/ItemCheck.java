package org.cecplatform.audit.domain.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Checks the items of one submission and turns them into audit items. An item naming a ledger credit carries the
 * ledger's figures; every completion date lies in the audited cycle's counted window (or after its start, once
 * replacement CECs are asked for).
 */
final class ItemCheck {

    private static final BigDecimal MAX_CECS = BigDecimal.valueOf(100);

    private final RenewalUnderAudit renewal;
    private final LocalDate today;
    private final boolean replacementsAsked;
    private final Set<UUID> auditDocuments;
    private final Evidence evidence;
    private final Set<UUID> listedCredits;
    private final List<AuditRuleException.Violation> violations;

    ItemCheck(RenewalUnderAudit renewal, LocalDate today, boolean replacementsAsked, Set<UUID> auditDocuments,
              Evidence evidence, Set<UUID> listedCredits, List<AuditRuleException.Violation> violations) {
        this.renewal = renewal;
        this.today = today;
        this.replacementsAsked = replacementsAsked;
        this.auditDocuments = auditDocuments;
        this.evidence = evidence;
        this.listedCredits = listedCredits;
        this.violations = violations;
    }

    /** The audit item for {@code submitted}, or null when it breaks a rule (the violations say which). */
    AuditItem item(SubmittedItem submitted, String field, Supplier<UUID> ids, int round, Instant now,
                   String enteredBy) {
        int before = violations.size();
        LedgerCredit credit = submitted.creditId() == null ? null : ledgerCredit(submitted.creditId(), field);
        String title = credit != null && credit.title() != null ? credit.title()
                : required(submitted.title(), field + ".title");
        String provider = credit != null && credit.provider() != null ? credit.provider()
                : required(submitted.provider(), field + ".provider");
        LocalDate completedOn = figure(submitted.completedOn(), credit == null ? null : credit.completedOn(),
                field + ".completedOn");
        BigDecimal cecs = figure(submitted.cecs(), credit == null ? null : credit.cecs(), field + ".cecs");
        String category = figure(blankToNull(submitted.category()), credit == null ? null : credit.category(),
                field + ".category");
        if (completedOn != null) {
            checkDate(completedOn, field + ".completedOn");
        }
        if (credit == null && cecs != null && (cecs.signum() <= 0 || cecs.compareTo(MAX_CECS) > 0)) {
            violate(field + ".cecs", "must be more than 0 and at most 100");
        }
        for (UUID document : submitted.documentIds()) {
            if (!auditDocuments.contains(document)) {
                violate(field + ".documentIds", "document " + document + " was not uploaded to this audit");
            }
        }
        boolean verified = credit != null && credit.verified();
        if (!verified && submitted.documentIds().isEmpty()) {
            violate(field + ".documentIds", "a credit that is not a verified ledger credit needs at least one document");
        }
        if (violations.size() > before) {
            return null;
        }
        return new AuditItem(ids.get(), submitted.creditId(), title == null ? null : title.strip(),
                provider == null ? null : provider.strip(), completedOn, cecs, category, submitted.documentIds(),
                verified, verified ? Boolean.TRUE : null, null, round, now, enteredBy);
    }

    /** The ledger credit an item names: the person's own, not voided, listed once, not accepted in another audit. */
    private LedgerCredit ledgerCredit(UUID creditId, String field) {
        String at = field + ".creditId";
        LedgerCredit credit = evidence.credit(creditId).orElse(null);
        if (credit == null) {
            violate(at, "credit " + creditId + " is not a credit of " + renewal.certificantId() + "'s ledger");
            return null;
        }
        if (credit.voided()) {
            violate(at, "credit " + creditId + " was voided in the ledger");
        }
        if (!listedCredits.add(creditId)) {
            violate(at, "credit " + creditId + " is already listed in this audit");
        }
        UUID other = evidence.acceptedElsewhere().get(creditId);
        if (other != null) {
            violate(at, "credit " + creditId + " was already accepted in audit " + other);
        }
        return credit;
    }

    /** The ledger's figure when the item names a credit (a typed value must equal it), else the typed one. */
    private <T> T figure(T typed, T ledger, String field) {
        if (ledger == null) {
            if (typed == null) {
                violate(field, "is required");
            }
            return typed;
        }
        if (typed != null && !same(typed, ledger)) {
            violate(field, "must be the ledger's figure for this credit, " + shown(ledger) + " (sent " + shown(typed)
                    + "); leave it out to take the ledger's");
        }
        return ledger;
    }

    private void checkDate(LocalDate completedOn, String field) {
        if (completedOn.isAfter(today)) {
            violate(field, "is in the future");
        } else if (completedOn.isBefore(renewal.windowStart())
                || (!replacementsAsked && completedOn.isAfter(renewal.windowEnd()))) {
            violate(field, "completed on " + completedOn + ", outside the audited cycle's window "
                    + renewal.windowStart() + " to " + renewal.windowEnd()
                    + (replacementsAsked ? " (replacement CECs may be dated after it, up to the deadline)" : ""));
        } else if (completedOn.isAfter(renewal.windowEnd()) && !evidence.freeForReplacement(completedOn)) {
            violate(field, "completed on " + completedOn + ", counted toward a later renewal (up to "
                    + evidence.countedByLaterRenewals() + "); a replacement CEC must be completed after that");
        }
    }

    private String required(String text, String field) {
        if (text == null || text.isBlank()) {
            violate(field, "is required");
            return null;
        }
        return text;
    }

    private void violate(String field, String message) {
        violations.add(new AuditRuleException.Violation(field, message));
    }

    private static boolean same(Object typed, Object ledger) {
        if (typed instanceof BigDecimal a && ledger instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        return Objects.equals(typed, ledger);
    }

    private static String shown(Object value) {
        return value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(value);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
