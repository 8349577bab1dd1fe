package org.cecplatform.audit.messaging;

import java.util.List;
import org.cecplatform.audit.domain.audit.AuditEvent;
import org.cecplatform.audit.domain.audit.AuditState;
import org.cecplatform.audit.domain.audit.Decision;
import org.cecplatform.audit.domain.audit.RenewalUnderAudit;
import org.cecplatform.audit.domain.audit.Selection;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.contract.audit.AuditClosedV1;
import org.cecplatform.contract.audit.AuditCuredV1;
import org.cecplatform.contract.audit.AuditDecidedV1;
import org.cecplatform.contract.audit.AuditExtendedV1;
import org.cecplatform.contract.audit.AuditOpenedV1;
import org.cecplatform.contract.audit.AuditOverdueV1;
import org.cecplatform.contract.audit.AuditProofSubmittedV1;
import org.cecplatform.platform.outbox.NewEvent;

/**
 * Turns the domain's audit events into the public events of {@code cec.audits.v1} (the contract records), keyed by
 * the certificant. The seed of a random draw is published only as its fingerprint.
 */
public final class AuditEventContract {

    private AuditEventContract() {
    }

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

    private static NewEvent event(AuditState audit, String type, AuditEvent change, Object payload) {
        return NewEvent.of(audit.auditId().toString(), audit.renewal().certificantId(), type, Topics.AUDITS,
                change.at(), payload);
    }

    private static AuditOpenedV1.Selection selection(Selection s) {
        return new AuditOpenedV1.Selection(s.method().name(), s.seedFingerprint(), s.block(), s.position(),
                s.blockSize(), s.selectedBy());
    }
}
