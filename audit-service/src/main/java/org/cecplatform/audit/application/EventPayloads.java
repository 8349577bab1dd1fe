package org.cecplatform.audit.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.AuditEvent;
import org.cecplatform.audit.domain.audit.AuditState;
import org.cecplatform.audit.domain.audit.AuditStatus;
import org.cecplatform.audit.domain.audit.Decision;
import org.cecplatform.audit.domain.audit.DecisionOutcome;
import org.cecplatform.audit.domain.audit.RenewalUnderAudit;
import org.cecplatform.audit.domain.audit.Selection;
import org.cecplatform.audit.persistence.CreditRepository.NewCredit;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.contract.audit.AuditClosedV1;
import org.cecplatform.contract.audit.AuditCuredV1;
import org.cecplatform.contract.audit.AuditDecidedV1;
import org.cecplatform.contract.audit.AuditExtendedV1;
import org.cecplatform.contract.audit.AuditOpenedV1;
import org.cecplatform.contract.audit.AuditOverdueV1;
import org.cecplatform.contract.audit.AuditProofSubmittedV1;
import org.cecplatform.contract.ledger.CecEarnedV1;
import org.cecplatform.contract.renewal.CertificationReinstatedV1;
import org.cecplatform.contract.renewal.CertificationRenewedV1;
import org.cecplatform.platform.outbox.NewEvent;
import org.cecplatform.platform.persistence.StoredJson;

/**
 * The one place where the audit-service maps between its domain and the event contract's payload records: the
 * audit's changes and the public events of {@code cec.audits.v1} (both ways: out to the topic, and back when an
 * audit's stream is folded), the renewals of {@code cec.renewals.v1} it audits, and the ledger credits of
 * {@code cec.ledger.v1} it keeps. Public audit events are keyed by the certificant; the seed of a random draw is
 * published only as its fingerprint.
 */
public final class EventPayloads {

    /** The types of the public events of an audit's stream. */
    static final Set<String> AUDIT_EVENT_TYPES = Set.of(EventTypes.AUDIT_OPENED, EventTypes.AUDIT_EXTENDED,
            EventTypes.AUDIT_PROOF_SUBMITTED, EventTypes.AUDIT_DECIDED, EventTypes.AUDIT_OVERDUE,
            EventTypes.AUDIT_CURED, EventTypes.AUDIT_CLOSED);

    private EventPayloads() {
    }

    /** The public events of these changes of the audit now in {@code audit}, in order. */
    public static List<NewEvent> toNewEvents(AuditState audit, List<AuditEvent> changes) {
        return changes.stream().map(change -> toNewEvent(audit, change)).toList();
    }

    static NewEvent toNewEvent(AuditState audit, AuditEvent change) {
        RenewalUnderAudit renewal = audit.renewal();
        String person = renewal.certificantId();
        if (change instanceof AuditEvent.Opened e) {
            return event(audit, EventTypes.AUDIT_OPENED, e, new AuditOpenedV1(audit.auditId(), renewal.renewalId(),
                    person, renewal.level(), renewal.credentials(), renewal.year(), e.openedOn(), e.proofDueOn(),
                    e.reason(), selection(e.selection()), e.at()));
        }
        if (change instanceof AuditEvent.Extended e) {
            return event(audit, EventTypes.AUDIT_EXTENDED, e, new AuditExtendedV1(audit.auditId(), person,
                    e.previousDueOn(), e.newDueOn(), e.reason(), e.extendedBy(), e.at()));
        }
        if (change instanceof AuditEvent.ProofSubmitted e) {
            return event(audit, EventTypes.AUDIT_PROOF_SUBMITTED, e,
                    new AuditProofSubmittedV1(audit.auditId(), person, e.items(), e.cecs(), e.at()));
        }
        if (change instanceof AuditEvent.Decided e) {
            Decision d = e.decision();
            return event(audit, EventTypes.AUDIT_DECIDED, e, new AuditDecidedV1(audit.auditId(), renewal.renewalId(),
                    person, renewal.credentials(), d.outcome().name(), d.cecsAccepted(), d.cecsDisallowed(),
                    d.remediationDueOn(), d.notes(), d.decidedBy(), d.decidedAt(), d.validUntil(),
                    d.replacementCreditIds()));
        }
        if (change instanceof AuditEvent.Overdue e) {
            return event(audit, EventTypes.AUDIT_OVERDUE, e, new AuditOverdueV1(audit.auditId(), renewal.renewalId(),
                    person, renewal.credentials(), e.dueOn(), e.cureBy(), e.at()));
        }
        if (change instanceof AuditEvent.Cured e) {
            return event(audit, EventTypes.AUDIT_CURED, e, new AuditCuredV1(audit.auditId(), renewal.renewalId(),
                    person, renewal.credentials(), e.how(), e.at()));
        }
        if (change instanceof AuditEvent.Closed e) {
            return event(audit, EventTypes.AUDIT_CLOSED, e, new AuditClosedV1(audit.auditId(), renewal.renewalId(),
                    person, renewal.credentials(), e.result().name(), e.reason(), e.at(), e.validUntil()));
        }
        throw new IllegalArgumentException("no public event for " + change);
    }

    /**
     * The domain change a stored public event of an audit's stream stands for; empty for AuditOpened (its private
     * twin, AuditStarted, made the audit) and for any other type.
     */
    static Optional<AuditEvent> toDomain(String type, String payload, StoredJson json) {
        if (type.equals(EventTypes.AUDIT_EXTENDED)) {
            AuditExtendedV1 p = json.read(payload, AuditExtendedV1.class);
            return Optional.of(new AuditEvent.Extended(p.previousDueOn(), p.newDueOn(), p.reason(), p.extendedBy(),
                    p.extendedAt()));
        }
        if (type.equals(EventTypes.AUDIT_PROOF_SUBMITTED)) {
            AuditProofSubmittedV1 p = json.read(payload, AuditProofSubmittedV1.class);
            // the round is the private ProofItemsSubmitted's; folding this one only marks the audit submitted
            return Optional.of(new AuditEvent.ProofSubmitted(p.items(), p.cecs(), 0, p.submittedAt()));
        }
        if (type.equals(EventTypes.AUDIT_DECIDED)) {
            AuditDecidedV1 p = json.read(payload, AuditDecidedV1.class);
            return Optional.of(new AuditEvent.Decided(new Decision(DecisionOutcome.valueOf(p.outcome()), p.notes(),
                    p.decidedBy(), p.decidedAt(), p.cecsAccepted(), p.cecsDisallowed(), p.remediationDueOn(),
                    p.validUntil(), p.replacementCreditIds()), p.decidedAt()));
        }
        if (type.equals(EventTypes.AUDIT_OVERDUE)) {
            AuditOverdueV1 p = json.read(payload, AuditOverdueV1.class);
            return Optional.of(new AuditEvent.Overdue(p.dueOn(), p.cureBy(), p.overdueAt()));
        }
        if (type.equals(EventTypes.AUDIT_CURED)) {
            AuditCuredV1 p = json.read(payload, AuditCuredV1.class);
            return Optional.of(new AuditEvent.Cured(p.how(), p.curedAt()));
        }
        if (type.equals(EventTypes.AUDIT_CLOSED)) {
            AuditClosedV1 p = json.read(payload, AuditClosedV1.class);
            return Optional.of(new AuditEvent.Closed(AuditStatus.valueOf(p.result()), p.reason(), p.validUntil(),
                    p.closedAt()));
        }
        return Optional.empty();
    }

    /**
     * A renewal as the audit checks it: inside exactly the window it counted ({@code countedFrom}..{@code countedTo});
     * renewals published before those fields existed counted from the previous cycle's start to the renewal date.
     * The event must have what a renewal under audit needs (the consumer checks it first).
     */
    public static RenewalUnderAudit renewal(CertificationRenewedV1 e) {
        return underAudit(e.renewalId(), e.certificantId(), e.kind() == null ? "RENEWAL" : e.kind(), e.credentials(),
                e.level(), e.renewedOn(), orElse(e.countedFrom(), e.previousCycleStart()),
                orElse(e.countedTo(), e.renewedOn()), e.cecsRequired(), e.cecsAttested(), e.cycleEnd());
    }

    /**
     * A reinstatement counts only the CECs completed inside the lapsed cycle's window (SPEC §1): exactly the window it
     * counted, or, for reinstatements published before that field existed, the lapsed cycle.
     */
    public static RenewalUnderAudit reinstatement(CertificationReinstatedV1 e) {
        return underAudit(e.renewalId(), e.certificantId(), "REINSTATEMENT", e.credentials(), e.level(),
                e.reinstatedOn(), orElse(e.countedFrom(), e.lapsedCycleStart()),
                orElse(e.countedTo(), e.lapsedCycleEnd()), e.cecsRequired(), e.cecsAttested(), e.cycleEnd());
    }

    /** A credit of the ledger as the audit keeps it. */
    static NewCredit credit(CecEarnedV1 earned) {
        return new NewCredit(earned.creditId(), earned.certificantId(), earned.completedOn(), earned.cecs(),
                earned.category(), earned.title(), earned.provider(), earned.verified(), earned.recordedAt());
    }

    private static NewEvent event(AuditState audit, String type, AuditEvent change, Object payload) {
        return NewEvent.of(audit.auditId().toString(), audit.renewal().certificantId(), type, Topics.AUDITS,
                change.at(), payload);
    }

    private static AuditOpenedV1.Selection selection(Selection s) {
        return new AuditOpenedV1.Selection(s.method().name(), s.seedFingerprint(), s.block(), s.position(),
                s.blockSize(), s.selectedBy());
    }

    private static RenewalUnderAudit underAudit(UUID renewalId, String certificantId, String kind,
                                                List<String> credentials, String level, LocalDate renewedOn,
                                                LocalDate windowStart, LocalDate windowEnd,
                                                BigDecimal required, BigDecimal attested,
                                                LocalDate validUntil) {
        return new RenewalUnderAudit(renewalId, certificantId, kind,
                credentials == null || credentials.isEmpty() ? List.of(level) : credentials, level,
                renewedOn.getYear(), renewedOn, windowStart, windowEnd, required, attested, validUntil);
    }

    private static LocalDate orElse(LocalDate value, LocalDate otherwise) {
        return value != null ? value : otherwise;
    }
}
