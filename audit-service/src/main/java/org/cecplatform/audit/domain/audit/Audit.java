package org.cecplatform.audit.domain.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The audit of one renewal: a state machine on the clock. Every command first applies what time alone has done
 * (a missed deadline, an uncured overdue), so the outcome never depends on when the sweep last ran; then it checks
 * the rules and records what happened as events ({@link #recorded()}; the published ones are {@link #changes()}).
 * Recording an event applies it ({@link #apply}), the same code that {@link #fold folds} a stored audit from its
 * stream: the events are the audit (README "Event sourcing").
 *
 * <pre>
 * OPEN ──submit──▶ SUBMITTED ──decide PASSED──▶ PASSED (closed)
 *  │  ▲extend once      │ ──decide FAILED──▶ FAILED (closed)
 *  │                    └─decide REMEDIATION─▶ REMEDIATION ──submit──▶ SUBMITTED
 *  └─due date passes─▶ OVERDUE ◀──remediation window passes──┘
 *                        │ submit (within a year) ─▶ cured ─▶ SUBMITTED
 *                        └ a year passes ─▶ FAILED (closed)
 * any open state ── accepted CECs reach the requirement ──▶ PASSED (closed)
 * </pre>
 *
 * <p>Proof comes from the audited cycle: the window the renewal counted ({@link RenewalUnderAudit#windowStart()} to
 * {@link RenewalUnderAudit#windowEnd()}); once the audit asked for replacement CECs (remediation, overdue) they may be
 * dated later, and count toward the audited cycle only. An item naming a ledger credit carries the ledger's figures,
 * and a ledger credit is accepted in one audit at most. {@code PASSED} needs the accepted CECs, counted with the
 * renewal's rules, to reach the requirement.
 */
public final class Audit {

    public static final String SYSTEM = "system";
    static final String ACCEPTED_REACHED = "accepted and verified ledger credits reach the requirement";
    static final String NOT_CURED = "not cured within one year";

    private final AuditPolicy policy;
    private UUID auditId;
    private RenewalUnderAudit renewal;
    private Selection selection;
    private LocalDate openedOn;
    private Instant openedAt;
    private LocalDate originalDueOn;
    private AuditStatus status;
    private LocalDate proofDueOn;
    private Extension extension;
    private final List<AuditItem> items = new ArrayList<>();
    private final List<Decision> decisions = new ArrayList<>();
    private LocalDate remediationDueOn;
    private LocalDate overdueSince;
    private LocalDate cureBy;
    private LocalDate replacementFrom;
    private int round;
    private String closedReason;
    private Instant closedAt;
    private LocalDate validUntil;

    /** What the commands on this instance recorded, in order, private events included. */
    private final List<AuditEvent> recorded = new ArrayList<>();

    /** An audit before its first event: only {@link AuditEvent.Started} or a state imported gives it a state. */
    private Audit(AuditPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    private void setState(AuditState s) {
        this.auditId = s.auditId();
        this.renewal = s.renewal();
        this.selection = s.selection();
        this.status = s.status();
        this.openedOn = s.openedOn();
        this.openedAt = s.openedAt();
        this.originalDueOn = s.originalDueOn();
        this.proofDueOn = s.proofDueOn();
        this.extension = s.extension();
        this.items.clear();
        this.items.addAll(s.items());
        this.decisions.clear();
        this.decisions.addAll(s.decisions());
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
        Audit audit = new Audit(policy);
        audit.setState(state);
        return audit;
    }

    /**
     * The audit its events make, folded on {@code from} (null: from nothing). Events before the audit's start (the
     * public events an imported audit had before its state was imported) change nothing; empty when the events never
     * start an audit.
     */
    public static Optional<Audit> fold(AuditPolicy policy, AuditState from, List<AuditEvent> events) {
        Audit audit = from == null ? null : restore(policy, from);
        for (AuditEvent event : events) {
            if (event instanceof AuditEvent.Started || event instanceof AuditEvent.StateImported) {
                audit = new Audit(policy);
            }
            if (audit != null) {
                audit.apply(event);
            }
        }
        return Optional.ofNullable(audit);
    }

    /**
     * Opens the audit of a renewal: proof is due {@code proofWindowDays} after today (end of day, policy zone). When
     * the person's verified ledger credits in the counted window already reach the requirement, the audit passes at
     * once.
     */
    public static Audit open(AuditPolicy policy, UUID auditId, RenewalUnderAudit renewal, Selection selection,
                             Evidence evidence, Instant now) {
        LocalDate today = policy.today(now);
        LocalDate due = today.plusDays(policy.proofWindowDays());
        Audit audit = new Audit(policy);
        // The public Opened comes first in the stream (what other services see of the audit's start); its private
        // twin Started, right after, carries all of it and is what makes the audit when folded.
        audit.record(new AuditEvent.Opened(today, due, selection.reason(renewal.level(), renewal.year()),
                selection, now));
        audit.record(new AuditEvent.Started(auditId, renewal, selection, today, due, now));
        audit.passIfAcceptedCecsSuffice(evidence, now);
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
        record(new AuditEvent.Extended(proofDueOn, newDueOn, reason.strip(), staffMember, now));
    }

    /** The person submits their own form (see the full {@link #submit(List, Set, Evidence, Supplier, Instant, String)}). */
    public void submit(List<SubmittedItem> submitted, Set<UUID> auditDocuments, Evidence evidence,
                       Supplier<UUID> ids, Instant now) {
        submit(submitted, auditDocuments, evidence, ids, now, null);
    }

    /**
     * The person submits the detailed audit form (or, in remediation, further items). An item naming a ledger credit
     * takes the ledger's CECs, completion date, category, title and provider (a typed value that differs is refused);
     * a verified one is pre-accepted and needs no document, every other item needs at least one document of this
     * audit. Every completion date lies in the counted window, or, once replacement CECs are asked for, after its
     * start. A submission on an overdue audit cures it.
     *
     * @param auditDocuments the ids of the documents uploaded to this audit
     * @param enteredBy      the staff member entering the person's paper form on their behalf; null when the person
     *                       submits it themselves
     */
    public void submit(List<SubmittedItem> submitted, Set<UUID> auditDocuments, Evidence evidence,
                       Supplier<UUID> ids, Instant now, String enteredBy) {
        advance(now);
        requireNotFinal("submit proof to");
        if (status == AuditStatus.SUBMITTED) {
            throw AuditRuleException.conflict("awaiting-review",
                    "The proof was submitted and waits for review; further items can be sent if review asks for them.");
        }
        LocalDate today = policy.today(now);
        Set<UUID> listedCredits = new HashSet<>();
        items.stream().filter(i -> i.creditId() != null).forEach(i -> listedCredits.add(i.creditId()));

        List<AuditRuleException.Violation> violations = new ArrayList<>();
        List<AuditItem> checked = new ArrayList<>();
        if (submitted == null || submitted.isEmpty()) {
            violations.add(new AuditRuleException.Violation("items", "list at least one credit"));
        } else {
            ItemCheck check = new ItemCheck(renewal, today, replacementFrom != null, auditDocuments, evidence,
                    listedCredits, violations);
            for (int i = 0; i < submitted.size(); i++) {
                AuditItem item = check.item(submitted.get(i), "items[" + i + "]", ids, round + 1, now,
                        enteredBy);
                if (item != null) {
                    checked.add(item);
                }
            }
        }
        if (!violations.isEmpty()) {
            throw AuditRuleException.invalid("invalid-submission", "The submission breaks the rules.", violations);
        }

        if (status == AuditStatus.OVERDUE) {
            record(new AuditEvent.Cured("PROOF_SUBMITTED", now));
        }
        record(new AuditEvent.ProofItemsSubmitted(round + 1, checked, now));
        BigDecimal total = checked.stream().map(AuditItem::cecs).reduce(BigDecimal.ZERO, BigDecimal::add);
        record(new AuditEvent.ProofSubmitted(checked.size(), total, round, now));
    }

    /**
     * Staff or an auditor decide a submitted audit. Without {@code itemDecisions}, PASSED accepts every undecided item;
     * REMEDIATION and FAILED must decide every undecided item, and every disallowed item needs a reason. An item whose
     * ledger credit was voided, or was accepted in another audit, cannot be accepted. PASSED needs the accepted CECs
     * to reach the requirement ({@code requirement-not-reached}, "X of Y").
     */
    public void decide(DecisionOutcome outcome, String notes, List<ItemDecision> itemDecisions, Evidence evidence,
                       String reviewer, Instant now) {
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
        for (AuditItem item : decided) {
            if (item.wasAccepted()) {
                refuseIfNotAcceptable(item, evidence, violations);
            }
        }
        if (!violations.isEmpty()) {
            throw AuditRuleException.invalid("invalid-decision", "The decision breaks the rules.", violations);
        }
        ProofCount accepted = count(evidence, decided, true);
        if (outcome == DecisionOutcome.PASSED && accepted.cecs().compareTo(renewal.cecsRequired()) < 0) {
            String figures = display(accepted.cecs()) + " of " + display(renewal.cecsRequired());
            throw AuditRuleException.invalid("requirement-not-reached", "The accepted CECs do not reach the"
                    + " requirement: " + figures + ".", List.of(new AuditRuleException.Violation("outcome",
                    "PASSED needs the accepted CECs to reach the requirement (" + figures + " CECs accepted);"
                            + " accept more items, or decide REMEDIATION or FAILED")));
        }
        List<ItemDecision> reviews = new ArrayList<>();
        for (int i = 0; i < decided.size(); i++) {
            AuditItem item = decided.get(i);
            if (!item.equals(items.get(i))) {
                reviews.add(new ItemDecision(item.itemId(), item.accepted(), item.disallowedReason()));
            }
        }
        if (!reviews.isEmpty()) {
            record(new AuditEvent.ItemsReviewed(reviews, now));
        }

        LocalDate today = policy.today(now);
        LocalDate remediationDue = outcome == DecisionOutcome.REMEDIATION
                ? today.plusDays(policy.remediationWindowDays()) : null;
        Decision decision = new Decision(outcome, blankToNull(notes), reviewer, now, accepted.cecs(),
                disallowedCecs(), remediationDue, outcome == DecisionOutcome.PASSED ? renewal.validUntil() : null,
                accepted.replacementCreditIds());
        record(new AuditEvent.Decided(decision, now));
        switch (outcome) {
            case PASSED -> close(AuditStatus.PASSED, "passed on review", now);
            case FAILED -> close(AuditStatus.FAILED, "failed on review", now);
            case REMEDIATION -> {
                if (replacementFrom == null) {
                    record(new AuditEvent.ReplacementCecsCount(today, now));
                }
            }
        }
    }

    /** The person's ledger changed: the audit passes once the accepted CECs reach the requirement. */
    public void creditsChanged(Evidence evidence, Instant now) {
        advance(now);
        passIfAcceptedCecsSuffice(evidence, now);
    }

    // ---------------------------------------------------------------- queries

    /**
     * The CECs of verified ledger credits that count for this audit (caps applied): those completed inside the
     * counted window, and, once the audit went to remediation or overdue, replacement credits completed from then on.
     */
    public BigDecimal verifiedCecs(Evidence evidence) {
        return count(evidence, items, false).cecs();
    }

    /** What counts as accepted now: {@link #verifiedCecs} and the accepted items, each credit once, caps applied. */
    public BigDecimal acceptedCecs(Evidence evidence) {
        return count(evidence, items, true).cecs();
    }

    /**
     * The ledger credits the accepted CECs come from: each counts toward the audited cycle, and toward no other (the
     * system tests' one-cycle-per-credit property, {@code OneCyclePerCreditTest}, counts with it).
     */
    public Set<UUID> acceptedLedgerCredits(Evidence evidence) {
        return count(evidence, items, true).ledgerCreditIds();
    }

    public AuditState state() {
        return new AuditState(auditId, renewal, selection, status, openedOn, openedAt, originalDueOn, proofDueOn,
                extension, items, decisions, remediationDueOn, overdueSince, cureBy, replacementFrom, round,
                closedReason, closedAt, validUntil);
    }

    /** What happened since the audit was opened or restored, in order: the events the audits topic publishes. */
    public List<AuditEvent> changes() {
        return recorded.stream().filter(AuditEvent::published).toList();
    }

    /** Everything recorded since the audit was opened, restored or folded, private events included: its new events. */
    public List<AuditEvent> recorded() {
        return List.copyOf(recorded);
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

    // ---------------------------------------------------------------- events

    /** A command's outcome: the event changes the audit exactly as folding it does, and is kept as new. */
    private void record(AuditEvent event) {
        apply(event);
        recorded.add(event);
    }

    /**
     * What an event does to the audit: the only code that changes its state, used by the commands (through
     * {@link #record}) and by {@link #fold}. Rules are not checked here: the events are what happened.
     */
    private void apply(AuditEvent event) {
        if (event instanceof AuditEvent.Started e) {
            setState(new AuditState(e.auditId(), e.renewal(), e.selection(), AuditStatus.OPEN, e.openedOn(), e.at(),
                    e.proofDueOn(), e.proofDueOn(), null, List.of(), List.of(), null, null, null, null, 0, null, null,
                    null));
        } else if (event instanceof AuditEvent.StateImported e) {
            setState(e.state());
        } else if (event instanceof AuditEvent.Extended e) {
            extension = new Extension(e.previousDueOn(), e.newDueOn(), e.reason(), e.extendedBy(), e.at());
            proofDueOn = e.newDueOn();
        } else if (event instanceof AuditEvent.ProofItemsSubmitted e) {
            round = e.round();
            items.addAll(e.items());
        } else if (event instanceof AuditEvent.ProofSubmitted) {
            status = AuditStatus.SUBMITTED;
        } else if (event instanceof AuditEvent.ItemsReviewed e) {
            for (ItemDecision review : e.reviews()) {
                int index = indexOf(items, review.itemId());
                items.set(index, items.get(index).decided(review.accepted(), review.disallowedReason()));
            }
        } else if (event instanceof AuditEvent.Decided e) {
            decisions.add(e.decision());
            if (e.decision().outcome() == DecisionOutcome.REMEDIATION) {
                status = AuditStatus.REMEDIATION;
                remediationDueOn = e.decision().remediationDueOn();
            }
        } else if (event instanceof AuditEvent.ReplacementCecsCount e) {
            replacementFrom = e.from();
        } else if (event instanceof AuditEvent.Overdue e) {
            status = AuditStatus.OVERDUE;
            overdueSince = e.dueOn().plusDays(1);
            cureBy = e.cureBy();
        } else if (event instanceof AuditEvent.Closed e) {
            status = e.result();
            closedReason = e.reason();
            closedAt = e.at();
            validUntil = e.validUntil();
        }
        // Opened changes nothing its private twin Started did not; Cured neither: what cures the audit (a submission,
        // a pass on verified credits) follows as its own event.
    }

    // ---------------------------------------------------------------- internals

    private ProofCount count(Evidence evidence, List<AuditItem> withItems, boolean countItems) {
        Decision last = lastDecision();
        Set<UUID> decided = status.isFinal() && last != null ? Set.copyOf(last.replacementCreditIds()) : null;
        return ProofCount.of(renewal, withItems, replacementFrom, decided, evidence, countItems);
    }

    private Decision lastDecision() {
        return decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
    }

    private void passIfAcceptedCecsSuffice(Evidence evidence, Instant now) {
        if (status.isFinal()) {
            return;
        }
        ProofCount accepted = count(evidence, items, true);
        if (accepted.cecs().compareTo(renewal.cecsRequired()) < 0) {
            return;
        }
        if (status == AuditStatus.OVERDUE) {
            record(new AuditEvent.Cured("VERIFIED_CREDITS", now));
        }
        Decision decision = new Decision(DecisionOutcome.PASSED, ACCEPTED_REACHED, SYSTEM, now, accepted.cecs(),
                disallowedCecs(), null, renewal.validUntil(), accepted.replacementCreditIds());
        record(new AuditEvent.Decided(decision, now));
        close(AuditStatus.PASSED, ACCEPTED_REACHED, now);
    }

    private void becomeOverdue(LocalDate missed, Instant now) {
        boolean firstAskForReplacements = replacementFrom == null;
        record(new AuditEvent.Overdue(missed, missed.plus(policy.cureWindow()), now));
        if (firstAskForReplacements) {
            record(new AuditEvent.ReplacementCecsCount(overdueSince, now));
        }
    }

    private void close(AuditStatus result, String reason, Instant now) {
        record(new AuditEvent.Closed(result, reason, result == AuditStatus.PASSED ? renewal.validUntil() : null, now));
    }

    private void requireNotFinal(String action) {
        if (status.isFinal()) {
            throw AuditRuleException.conflict("audit-closed",
                    "The audit is closed (" + status + "): you cannot " + action + " it any more.");
        }
    }

    private BigDecimal disallowedCecs() {
        return items.stream().filter(AuditItem::wasDisallowed).map(AuditItem::cecs)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** An item to be accepted must name a ledger credit that still counts and that no other audit accepted. */
    private static void refuseIfNotAcceptable(AuditItem item, Evidence evidence,
                                              List<AuditRuleException.Violation> violations) {
        if (item.creditId() == null) {
            return;
        }
        String field = "items";
        if (evidence.credit(item.creditId()).map(LedgerCredit::voided).orElse(false)) {
            violations.add(new AuditRuleException.Violation(field, "credit " + item.creditId()
                    + " (" + item.title() + ") was voided in the ledger: disallow it"));
        }
        UUID other = evidence.acceptedElsewhere().get(item.creditId());
        if (other != null) {
            violations.add(new AuditRuleException.Violation(field, "credit " + item.creditId()
                    + " (" + item.title() + ") was accepted in audit " + other + ": disallow it"));
        }
    }

    private static String display(BigDecimal cecs) {
        return cecs.setScale(1, RoundingMode.HALF_UP).toPlainString();
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
