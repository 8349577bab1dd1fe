package org.cecplatform.audit.domain.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What happened to an audit, in the domain's words: the audit's stream (README "Event sourcing"). An audit is
 * {@link Audit#fold folded} from these, and a command changes it only by recording one ({@link Audit#apply} is the
 * same code in both cases).
 *
 * <p>The {@link #published() published} ones each become one event on the audits topic (the fields every event of the
 * audit shares, ids and credentials, come from the audit itself). The others are private: kept in the audit's stream,
 * never published, they carry what no other service needs but the audit is made of (the renewal under audit, the
 * items submitted, the item reviews, from when replacement CECs count, a state imported from before the stream was the
 * truth).
 */
public sealed interface AuditEvent {

    Instant at();

    /** Whether the event is one of the audits topic's; false for the audit's private events. */
    default boolean published() {
        return true;
    }

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

    // ------------------------------------------------------------------ private

    /** The audit starts: which renewal it checks, how it was selected (the whole draw), when proof is due. */
    record Started(java.util.UUID auditId, RenewalUnderAudit renewal, Selection selection, LocalDate openedOn,
                   LocalDate proofDueOn, Instant at) implements AuditEvent {
        @Override
        public boolean published() {
            return false;
        }
    }

    /** The items of a submission, checked and with their ids; {@code round} is the submission's number. */
    record ProofItemsSubmitted(int round, List<AuditItem> items, Instant at) implements AuditEvent {
        public ProofItemsSubmitted {
            items = List.copyOf(items);
        }

        @Override
        public boolean published() {
            return false;
        }
    }

    /** A reviewer's verdicts on items, as the decision that follows counts them. */
    record ItemsReviewed(List<ItemDecision> reviews, Instant at) implements AuditEvent {
        public ItemsReviewed {
            reviews = List.copyOf(reviews);
        }

        @Override
        public boolean published() {
            return false;
        }
    }

    /** From {@code from} on, newly earned verified credits count as replacement CECs (remediation or overdue). */
    record ReplacementCecsCount(LocalDate from, Instant at) implements AuditEvent {
        @Override
        public boolean published() {
            return false;
        }
    }

    /**
     * The whole state of an audit that existed before its stream was the truth (the upgrade's migration appends it
     * after the audit's old public events): the fold starts over from it.
     */
    record StateImported(AuditState state, Instant at) implements AuditEvent {
        @Override
        public boolean published() {
            return false;
        }
    }
}
