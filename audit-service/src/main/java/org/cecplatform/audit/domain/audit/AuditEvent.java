package org.cecplatform.audit.domain.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What happened to an audit, in the domain's words. Each becomes one event on the audits topic; the fields that every
 * event of the audit shares (ids, credentials) come from the audit itself.
 */
public sealed interface AuditEvent {

    Instant at();

    record Opened(LocalDate openedOn, LocalDate proofDueOn, String reason, Selection selection, Instant at)
            implements AuditEvent {
    }

    record Extended(LocalDate previousDueOn, LocalDate newDueOn, String reason, String extendedBy, Instant at)
            implements AuditEvent {
    }

    record ProofSubmitted(int items, BigDecimal cecs, int round, Instant at) implements AuditEvent {
    }

    record Decided(Decision decision, Instant at) implements AuditEvent {
    }

    record Overdue(LocalDate dueOn, LocalDate cureBy, Instant at) implements AuditEvent {
    }

    record Cured(String how, Instant at) implements AuditEvent {
    }

    record Closed(AuditStatus result, String reason, LocalDate validUntil, Instant at) implements AuditEvent {
    }
}
