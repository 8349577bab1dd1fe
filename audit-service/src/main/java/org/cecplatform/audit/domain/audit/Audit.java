package org.cecplatform.audit.domain.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The audit of one renewal: a state machine on the clock. Every command first applies what time alone has done
 * (a missed deadline, an uncured overdue), so the outcome never depends on when the sweep last ran; then it checks
 * the rules, changes the state and records what happened in {@link #changes()}.
 *
 * <pre>
 * OPEN ──submit──▶ SUBMITTED ──decide PASSED──▶ PASSED (closed)
 *  │  ▲extend once      │ ──decide FAILED──▶ FAILED (closed)
 *  │                    └─decide REMEDIATION─▶ REMEDIATION ──submit──▶ SUBMITTED
 *  └─due date passes─▶ OVERDUE ◀──remediation window passes──┘
 *                        │ submit (within a year) ─▶ cured ─▶ SUBMITTED
 *                        └ a year passes ─▶ FAILED (closed)
 * any open state ── verified credits reach the requirement ──▶ PASSED (closed)
 * </pre>
 */
public final class Audit {

    public static final String SYSTEM = "system";
    static final String VERIFIED_REACHED = "verified ledger credits reach the requirement";
    static final String NOT_CURED = "not cured within one year";

    private final AuditPolicy policy;
    private final UUID auditId;
    private final RenewalUnderAudit renewal;
    private final Selection selection;
    private final LocalDate openedOn;
    private final Instant openedAt;
    private final LocalDate originalDueOn;
    private AuditStatus status;
    private LocalDate proofDueOn;
    private Extension extension;
    private final List<AuditItem> items;
    private final List<Decision> decisions;
    private LocalDate remediationDueOn;
    private LocalDate overdueSince;
    private LocalDate cureBy;
    private LocalDate replacementFrom;
    private int round;
    private String closedReason;
    private Instant closedAt;
    private LocalDate validUntil;

    private final List<AuditEvent> changes = new ArrayList<>();

    private Audit(AuditPolicy policy, AuditState s) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.auditId = s.auditId();
        this.renewal = s.renewal();
        this.selection = s.selection();
        this.status = s.status();
        this.openedOn = s.openedOn();
        this.openedAt = s.openedAt();
        this.originalDueOn = s.originalDueOn();
        this.proofDueOn = s.proofDueOn();
        this.extension = s.extension();
        this.items = new ArrayList<>(s.items());
        this.decisions = new ArrayList<>(s.decisions());
        this.remediationDueOn = s.remediationDueOn();
        this.overdueSince = s.overdueSince();
        this.cureBy = s.cureBy();
        this.replacementFrom = s.replacementFrom();
        this.round = s.round();
        this.closedReason = s.closedReason();
        this.closedAt = s.closedAt();
        this.validUntil = s.validUntil();
    }

    /** An audit as it was stored. */
    public static Audit restore(AuditPolicy policy, AuditState state) {
        return new Audit(policy, state);
    }

    /**
     * Opens the audit of a renewal: proof is due {@code proofWindowDays} after today (end of day, policy zone). When
     * the person's verified ledger credits in the renewed cycle's window already reach the requirement, the audit
     * passes at once.
     */
    public static Audit open(AuditPolicy policy, UUID auditId, RenewalUnderAudit renewal, Selection selection,
                             Collection<VerifiedCredit> credits, Instant now) {
        LocalDate today = policy.today(now);
        LocalDate due = today.plusDays(policy.proofWindowDays());
        Audit audit = new Audit(policy, new AuditState(auditId, renewal, selection, AuditStatus.OPEN, today, now, due,
                due, null, List.of(), List.of(), null, null, null, null, 0, null, null, null));
        audit.changes.add(new AuditEvent.Opened(today, due, selection.reason(renewal.level(), renewal.year()),
                selection, now));
        audit.passIfVerifiedCreditsSuffice(credits, now);
        return audit;
    }

    // ---------------------------------------------------------------- commands

    /** What the clock alone does: deadlines missed, overdue audits not cured in time. The sweep calls this. */
    public void advance(Instant now) {
        LocalDate today = policy.today(now);
        while (true) {
            if (status == AuditStatus.OPEN && today.isAfter(proofDueOn)) {
                becomeOverdue(proofDueOn, now);
            } else if (status == AuditStatus.REMEDIATION && today.isAfter(remediationDueOn)) {
                becomeOverdue(remediationDueOn, now);
            } else if (status == AuditStatus.OVERDUE && today.isAfter(cureBy)) {
                close(AuditStatus.FAILED, NOT_CURED, now);
            } else {
                return;
            }
        }
    }

    /** Staff move the proof deadline: once, to a later day at most {@code maxExtensionDays} after the current one. */
    public void extend(LocalDate newDueOn, String reason, String staffMember, Instant now) {
        advance(now);
        if (extension != null) {
            throw AuditRuleException.conflict("already-extended",
                    "The deadline was already extended once (to " + extension.newDueOn() + ").");
        }
        if (status != AuditStatus.OPEN) {
            throw AuditRuleException.conflict("not-open",
                    "Only an open audit's deadline can be extended; this audit is " + status + ".");
        }
        LocalDate latest = proofDueOn.plusDays(policy.maxExtensionDays());
        List<AuditRuleException.Violation> violations = new ArrayList<>();
        if (newDueOn == null) {
            violations.add(new AuditRuleException.Violation("newDueOn", "is required"));
        } else if (!newDueOn.isAfter(proofDueOn)) {
            violations.add(new AuditRuleException.Violation("newDueOn",
                    "must be after the current due date " + proofDueOn));
        } else if (newDueOn.isAfter(latest)) {
            violations.add(new AuditRuleException.Violation("newDueOn",
                    "must be at most " + policy.maxExtensionDays() + " days after the current due date, by " + latest));
        }
        if (reason == null || reason.isBlank()) {
            violations.add(new AuditRuleException.Violation("reason", "an extension needs a reason"));
        }
        if (!violations.isEmpty()) {
            throw AuditRuleException.invalid("invalid-extension", "The extension breaks the rules.", violations);
        }
        extension = new Extension(proofDueOn, newDueOn, reason.strip(), staffMember, now);
        changes.add(new AuditEvent.Extended(proofDueOn, newDueOn, reason.strip(), staffMember, now));
        proofDueOn = newDueOn;
    }

    /**
     * The person submits the detailed audit form (or, in remediation, further items). Items naming a verified ledger
     * credit are pre-accepted and need no document; every other item needs at least one document of this audit.
     * A submission on an overdue audit cures it.
     *
     * @param auditDocuments  the ids of the documents uploaded to this audit
     * @param credits         the person's verified, unvoided ledger credits
     */
    public void submit(List<SubmittedItem> submitted, Set<UUID> auditDocuments, Collection<VerifiedCredit> credits,
                       Supplier<UUID> ids, Instant now) {
        advance(now);
        requireNotFinal("submit proof to");
        if (status == AuditStatus.SUBMITTED) {
            throw AuditRuleException.conflict("awaiting-review",
                    "The proof was submitted and waits for review; further items can be sent if review asks for them.");
        }
        LocalDate today = policy.today(now);
        Set<UUID> verifiedIds = new HashSet<>();
        credits.forEach(c -> verifiedIds.add(c.creditId()));
        Set<UUID> listedCredits = new HashSet<>();
        items.stream().filter(i -> i.creditId() != null).forEach(i -> listedCredits.add(i.creditId()));

        List<AuditRuleException.Violation> violations = new ArrayList<>();
        if (submitted == null || submitted.isEmpty()) {
            violations.add(new AuditRuleException.Violation("items", "list at least one credit"));
        } else {
            for (int i = 0; i < submitted.size(); i++) {
                checkItem(submitted.get(i), "items[" + i + "]", today, auditDocuments, verifiedIds, listedCredits,
                        violations);
            }
        }
        if (!violations.isEmpty()) {
            throw AuditRuleException.invalid("invalid-submission", "The submission breaks the rules.", violations);
        }

        if (status == AuditStatus.OVERDUE) {
            changes.add(new AuditEvent.Cured("PROOF_SUBMITTED", now));
        }
        round++;
        BigDecimal total = BigDecimal.ZERO;
        for (SubmittedItem item : submitted) {
            boolean verified = item.creditId() != null && verifiedIds.contains(item.creditId());
            items.add(new AuditItem(ids.get(), item.creditId(), item.title().strip(), item.provider().strip(),
                    item.completedOn(), item.cecs(), item.category(), item.documentIds(), verified,
                    verified ? Boolean.TRUE : null, null, round, now));
            total = total.add(item.cecs());
        }
        status = AuditStatus.SUBMITTED;
        changes.add(new AuditEvent.ProofSubmitted(submitted.size(), total, round, now));
    }

    /**
     * Staff or an auditor decide a submitted audit. Without {@code itemDecisions}, PASSED accepts every undecided item;
     * REMEDIATION and FAILED must decide every undecided item, and every disallowed item needs a reason.
     */
    public void decide(DecisionOutcome outcome, String notes, List<ItemDecision> itemDecisions,
                       Collection<VerifiedCredit> credits, String reviewer, Instant now) {
        advance(now);
        requireNotFinal("decide");
        if (status != AuditStatus.SUBMITTED) {
            throw AuditRuleException.conflict("nothing-to-review",
                    "Only a submitted audit can be decided; this audit is " + status + ".");
        }
        List<ItemDecision> verdicts = itemDecisions == null ? List.of() : itemDecisions;
        List<AuditRuleException.Violation> violations = new ArrayList<>();
        if (outcome == null) {
            violations.add(new AuditRuleException.Violation("outcome", "is required"));
        }
        List<AuditItem> decided = new ArrayList<>(items);
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < verdicts.size(); i++) {
            ItemDecision verdict = verdicts.get(i);
            String field = "items[" + i + "]";
            int index = indexOf(decided, verdict.itemId());
            if (verdict.itemId() == null || index < 0) {
                violations.add(new AuditRuleException.Violation(field + ".itemId", "is not an item of this audit"));
                continue;
            }
            if (!seen.add(verdict.itemId())) {
                violations.add(new AuditRuleException.Violation(field + ".itemId", "is listed twice"));
                continue;
            }
            AuditItem item = decided.get(index);
            if (verdict.accepted() == null) {
                violations.add(new AuditRuleException.Violation(field + ".accepted", "is required (true or false)"));
            } else if (!verdict.accepted() && item.preAccepted()) {
                violations.add(new AuditRuleException.Violation(field + ".accepted",
                        "a verified ledger credit is pre-accepted and cannot be disallowed"));
            } else if (!verdict.accepted()
                    && (verdict.disallowedReason() == null || verdict.disallowedReason().isBlank())) {
                violations.add(new AuditRuleException.Violation(field + ".disallowedReason",
                        "a disallowed item needs a reason"));
            } else {
                String reason = verdict.disallowedReason() == null ? null : verdict.disallowedReason().strip();
                decided.set(index, item.decided(verdict.accepted(), reason));
            }
        }
        if (outcome == DecisionOutcome.REMEDIATION || outcome == DecisionOutcome.FAILED) {
            if (verdicts.isEmpty()) {
                violations.add(new AuditRuleException.Violation("items",
                        outcome + " needs each item decided: accepted, or disallowed with a reason"));
            } else if (violations.isEmpty()) {
                for (AuditItem item : decided) {
                    if (item.undecided()) {
                        violations.add(new AuditRuleException.Violation("items",
                                "item " + item.itemId() + " (" + item.title() + ") is not decided"));
                    }
                }
                if (outcome == DecisionOutcome.REMEDIATION && decided.stream().noneMatch(AuditItem::wasDisallowed)) {
                    violations.add(new AuditRuleException.Violation("items",
                            "REMEDIATION needs at least one disallowed item"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw AuditRuleException.invalid("invalid-decision", "The decision breaks the rules.", violations);
        }
        if (outcome == DecisionOutcome.PASSED) {
            decided.replaceAll(item -> item.undecided() ? item.decided(true, null) : item);
        }
        items.clear();
        items.addAll(decided);

        LocalDate today = policy.today(now);
        LocalDate remediationDue = outcome == DecisionOutcome.REMEDIATION
                ? today.plusDays(policy.remediationWindowDays()) : null;
        Decision decision = new Decision(outcome, blankToNull(notes), reviewer, now, acceptedCecs(credits),
                disallowedCecs(), remediationDue, outcome == DecisionOutcome.PASSED ? renewal.validUntil() : null);
        decisions.add(decision);
        changes.add(new AuditEvent.Decided(decision, now));
        switch (outcome) {
            case PASSED -> close(AuditStatus.PASSED, "passed on review", now);
            case FAILED -> close(AuditStatus.FAILED, "failed on review", now);
            case REMEDIATION -> {
                status = AuditStatus.REMEDIATION;
                remediationDueOn = remediationDue;
                if (replacementFrom == null) {
                    replacementFrom = today;
                }
            }
        }
    }

    /** The person's verified ledger credits changed: the audit passes once they alone reach the requirement. */
    public void creditsChanged(Collection<VerifiedCredit> credits, Instant now) {
        advance(now);
        passIfVerifiedCreditsSuffice(credits, now);
    }

    // ---------------------------------------------------------------- queries

    /**
     * The CECs of verified ledger credits that count for this audit: those completed inside the renewed cycle's
     * window, and, once the audit went to remediation or overdue, replacement credits completed from then on.
     */
    public BigDecimal verifiedCecs(Collection<VerifiedCredit> credits) {
        return credits.stream().filter(this::counts).map(VerifiedCredit::cecs).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public AuditState state() {
        return new AuditState(auditId, renewal, selection, status, openedOn, openedAt, originalDueOn, proofDueOn,
                extension, items, decisions, remediationDueOn, overdueSince, cureBy, replacementFrom, round,
                closedReason, closedAt, validUntil);
    }

    /** What happened since the audit was opened or restored, in order. */
    public List<AuditEvent> changes() {
        return List.copyOf(changes);
    }

    public AuditStatus status() {
        return status;
    }

    public UUID id() {
        return auditId;
    }

    /** The status at {@code now} once time has done its part, without changing this audit. */
    public AuditStatus statusAt(Instant now) {
        Audit copy = restore(policy, state());
        copy.advance(now);
        return copy.status;
    }

    // ---------------------------------------------------------------- internals

    private boolean counts(VerifiedCredit credit) {
        LocalDate on = credit.completedOn();
        return renewal.inWindow(on) || (replacementFrom != null && !on.isBefore(replacementFrom));
    }

    private void passIfVerifiedCreditsSuffice(Collection<VerifiedCredit> credits, Instant now) {
        if (status.isFinal() || verifiedCecs(credits).compareTo(renewal.cecsRequired()) < 0) {
            return;
        }
        if (status == AuditStatus.OVERDUE) {
            changes.add(new AuditEvent.Cured("VERIFIED_CREDITS", now));
        }
        Decision decision = new Decision(DecisionOutcome.PASSED, VERIFIED_REACHED, SYSTEM, now, acceptedCecs(credits),
                disallowedCecs(), null, renewal.validUntil());
        decisions.add(decision);
        changes.add(new AuditEvent.Decided(decision, now));
        close(AuditStatus.PASSED, VERIFIED_REACHED, now);
    }

    private void becomeOverdue(LocalDate missed, Instant now) {
        status = AuditStatus.OVERDUE;
        overdueSince = missed.plusDays(1);
        cureBy = missed.plus(policy.cureWindow());
        if (replacementFrom == null) {
            replacementFrom = overdueSince;
        }
        changes.add(new AuditEvent.Overdue(missed, cureBy, now));
    }

    private void close(AuditStatus result, String reason, Instant now) {
        status = result;
        closedReason = reason;
        closedAt = now;
        validUntil = result == AuditStatus.PASSED ? renewal.validUntil() : null;
        changes.add(new AuditEvent.Closed(result, reason, validUntil, now));
    }

    private void requireNotFinal(String action) {
        if (status.isFinal()) {
            throw AuditRuleException.conflict("audit-closed",
                    "The audit is closed (" + status + "): you cannot " + action + " it any more.");
        }
    }

    /** Accepted items, plus verified credits that count and are not already listed as items. */
    private BigDecimal acceptedCecs(Collection<VerifiedCredit> credits) {
        Set<UUID> listed = new HashSet<>();
        BigDecimal accepted = BigDecimal.ZERO;
        for (AuditItem item : items) {
            if (item.creditId() != null) {
                listed.add(item.creditId());
            }
            if (item.wasAccepted()) {
                accepted = accepted.add(item.cecs());
            }
        }
        for (VerifiedCredit credit : credits) {
            if (counts(credit) && !listed.contains(credit.creditId())) {
                accepted = accepted.add(credit.cecs());
            }
        }
        return accepted;
    }

    private BigDecimal disallowedCecs() {
        return items.stream().filter(AuditItem::wasDisallowed).map(AuditItem::cecs)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void checkItem(SubmittedItem item, String field, LocalDate today, Set<UUID> auditDocuments,
                                  Set<UUID> verifiedIds, Set<UUID> listedCredits,
                                  List<AuditRuleException.Violation> violations) {
        if (item.title() == null || item.title().isBlank()) {
            violations.add(new AuditRuleException.Violation(field + ".title", "is required"));
        }
        if (item.provider() == null || item.provider().isBlank()) {
            violations.add(new AuditRuleException.Violation(field + ".provider", "is required"));
        }
        if (item.category() == null || item.category().isBlank()) {
            violations.add(new AuditRuleException.Violation(field + ".category", "is required"));
        }
        if (item.completedOn() == null) {
            violations.add(new AuditRuleException.Violation(field + ".completedOn", "is required"));
        } else if (item.completedOn().isAfter(today)) {
            violations.add(new AuditRuleException.Violation(field + ".completedOn", "is in the future"));
        }
        if (item.cecs() == null || item.cecs().signum() <= 0 || item.cecs().compareTo(BigDecimal.valueOf(100)) > 0) {
            violations.add(new AuditRuleException.Violation(field + ".cecs", "must be more than 0 and at most 100"));
        }
        for (UUID document : item.documentIds()) {
            if (!auditDocuments.contains(document)) {
                violations.add(new AuditRuleException.Violation(field + ".documentIds",
                        "document " + document + " was not uploaded to this audit"));
            }
        }
        boolean verified = item.creditId() != null && verifiedIds.contains(item.creditId());
        if (!verified && item.documentIds().isEmpty()) {
            violations.add(new AuditRuleException.Violation(field + ".documentIds",
                    "a credit that is not a verified ledger credit needs at least one document"));
        }
        if (item.creditId() != null && !listedCredits.add(item.creditId())) {
            violations.add(new AuditRuleException.Violation(field + ".creditId",
                    "credit " + item.creditId() + " is already listed in this audit"));
        }
    }

    private static int indexOf(List<AuditItem> list, UUID itemId) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).itemId().equals(itemId)) {
                return i;
            }
        }
        return -1;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
