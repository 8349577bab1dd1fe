package org.cecplatform.audit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cecplatform.audit.domain.audit.AuditEvent;
import org.cecplatform.audit.domain.audit.AuditState;
import org.cecplatform.audit.domain.audit.AuditStatus;
import org.cecplatform.audit.domain.audit.Decision;
import org.cecplatform.audit.domain.audit.DecisionOutcome;
import org.cecplatform.audit.persistence.Json;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.audit.AuditClosedV1;
import org.cecplatform.contract.audit.AuditCuredV1;
import org.cecplatform.contract.audit.AuditDecidedV1;
import org.cecplatform.contract.audit.AuditExtendedV1;
import org.cecplatform.contract.audit.AuditOverdueV1;
import org.cecplatform.contract.audit.AuditProofSubmittedV1;
import org.cecplatform.platform.outbox.NewEvent;
import org.cecplatform.platform.outbox.StoredEvent;

/**
 * The audit's stream in the event log (aggregate id: the audit id; README "Event sourcing"): the domain's events as
 * stored, and back. A published event is stored as its public event of {@code cec.audits.v1}
 * ({@link AuditEventContract}); a private one as a private event (no topic, never published) whose payload is the
 * domain record itself:
 * <ul>
 * <li>{@value #STARTED}: the audit starts, with the whole renewal under audit and the whole selection (the public
 * AuditOpened just before it carries only part of them, so the fold takes the audit from this one);</li>
 * <li>{@value #PROOF_ITEMS_SUBMITTED}: the checked items of a submission, with their ids and round (before the public
 * AuditProofSubmitted, which counts them);</li>
 * <li>{@value #ITEMS_REVIEWED}: the reviewer's verdicts on items (before the public AuditDecided);</li>
 * <li>{@value #REPLACEMENT_CECS_COUNT}: from which day replacement CECs count (after the remediation decision or the
 * overdue that first asks for them);</li>
 * <li>{@value #STATE_IMPORTED}: the whole state of an audit stored before its stream was the truth (appended by the
 * migration V4 after its old public events); the fold starts over from it.</li>
 * </ul>
 */
@ApplicationScoped
public class AuditEventStream {

    public static final String STARTED = "audit.AuditStarted.v1";
    public static final String PROOF_ITEMS_SUBMITTED = "audit.ProofItemsSubmitted.v1";
    public static final String ITEMS_REVIEWED = "audit.ItemsReviewed.v1";
    public static final String REPLACEMENT_CECS_COUNT = "audit.ReplacementCecsCount.v1";
    public static final String STATE_IMPORTED = "audit.AuditStateImported.v1";

    private static final Map<Class<? extends AuditEvent>, String> PRIVATE_TYPES = Map.of(
            AuditEvent.Started.class, STARTED,
            AuditEvent.ProofItemsSubmitted.class, PROOF_ITEMS_SUBMITTED,
            AuditEvent.ItemsReviewed.class, ITEMS_REVIEWED,
            AuditEvent.ReplacementCecsCount.class, REPLACEMENT_CECS_COUNT,
            AuditEvent.StateImported.class, STATE_IMPORTED);

    private static final Set<String> PUBLIC_TYPES = Set.of(EventTypes.AUDIT_OPENED, EventTypes.AUDIT_EXTENDED,
            EventTypes.AUDIT_PROOF_SUBMITTED, EventTypes.AUDIT_DECIDED, EventTypes.AUDIT_OVERDUE,
            EventTypes.AUDIT_CURED, EventTypes.AUDIT_CLOSED);

    private final Json json;

    public AuditEventStream(Json json) {
        this.json = json;
    }

    /** Whether an event of the log belongs to an audit's stream. */
    public static boolean isAuditEvent(String type) {
        return PUBLIC_TYPES.contains(type) || PRIVATE_TYPES.containsValue(type);
    }

    /** The events to append for what a command recorded on the audit now in {@code state}, in order. */
    public List<NewEvent> toNewEvents(AuditState state, List<AuditEvent> recorded) {
        List<NewEvent> events = new ArrayList<>(recorded.size());
        for (AuditEvent event : recorded) {
            events.add(event.published() ? AuditEventContract.toNewEvent(state, event)
                    : NewEvent.privateEvent(state.auditId().toString(), state.renewal().certificantId(),
                            PRIVATE_TYPES.get(event.getClass()), event.at(), event));
        }
        return events;
    }

    /**
     * The domain event a stored event of an audit's stream is; empty for one the fold does not need (AuditOpened,
     * whose private twin {@value #STARTED} made the audit) and for events of other streams.
     */
    public Optional<AuditEvent> toDomain(StoredEvent e) {
        String type = e.type();
        if (type.equals(EventTypes.AUDIT_EXTENDED)) {
            AuditExtendedV1 p = json.read(e.payload(), AuditExtendedV1.class);
            return Optional.of(new AuditEvent.Extended(p.previousDueOn(), p.newDueOn(), p.reason(), p.extendedBy(),
                    p.extendedAt()));
        }
        if (type.equals(EventTypes.AUDIT_PROOF_SUBMITTED)) {
            AuditProofSubmittedV1 p = json.read(e.payload(), AuditProofSubmittedV1.class);
            // the round is the private ProofItemsSubmitted's; folding this one only marks the audit submitted
            return Optional.of(new AuditEvent.ProofSubmitted(p.items(), p.cecs(), 0, p.submittedAt()));
        }
        if (type.equals(EventTypes.AUDIT_DECIDED)) {
            AuditDecidedV1 p = json.read(e.payload(), AuditDecidedV1.class);
            return Optional.of(new AuditEvent.Decided(new Decision(DecisionOutcome.valueOf(p.outcome()), p.notes(),
                    p.decidedBy(), p.decidedAt(), p.cecsAccepted(), p.cecsDisallowed(), p.remediationDueOn(),
                    p.validUntil(), p.replacementCreditIds()), p.decidedAt()));
        }
        if (type.equals(EventTypes.AUDIT_OVERDUE)) {
            AuditOverdueV1 p = json.read(e.payload(), AuditOverdueV1.class);
            return Optional.of(new AuditEvent.Overdue(p.dueOn(), p.cureBy(), p.overdueAt()));
        }
        if (type.equals(EventTypes.AUDIT_CURED)) {
            AuditCuredV1 p = json.read(e.payload(), AuditCuredV1.class);
            return Optional.of(new AuditEvent.Cured(p.how(), p.curedAt()));
        }
        if (type.equals(EventTypes.AUDIT_CLOSED)) {
            AuditClosedV1 p = json.read(e.payload(), AuditClosedV1.class);
            return Optional.of(new AuditEvent.Closed(AuditStatus.valueOf(p.result()), p.reason(), p.validUntil(),
                    p.closedAt()));
        }
        for (Map.Entry<Class<? extends AuditEvent>, String> t : PRIVATE_TYPES.entrySet()) {
            if (t.getValue().equals(type)) {
                return Optional.of(json.read(e.payload(), t.getKey()));
            }
        }
        return Optional.empty();
    }

    /** {@link #toDomain} of each event, in order. */
    public List<AuditEvent> toDomain(List<StoredEvent> events) {
        return events.stream().map(this::toDomain).flatMap(Optional::stream).toList();
    }
}
