package org.cecplatform.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cecplatform.audit.domain.audit.AuditEvent;
import org.cecplatform.audit.domain.audit.AuditState;
import org.cecplatform.platform.outbox.NewEvent;
import org.cecplatform.platform.outbox.StoredEvent;
import org.cecplatform.platform.persistence.StoredJson;

/**
 * The audit's stream in the event log (aggregate id: the audit id; README "Event sourcing"): the domain's events as
 * stored, and back. A published event is stored as its public event of {@code cec.audits.v1}
 * ({@link EventPayloads}); a private one as a private event (no topic, never published) whose payload is the domain
 * record itself:
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

    private final StoredJson json;

    public AuditEventStream(StoredJson json) {
        this.json = json;
    }

    /** Whether an event of the log belongs to an audit's stream. */
    public static boolean isAuditEvent(String type) {
        return EventPayloads.AUDIT_EVENT_TYPES.contains(type) || PRIVATE_TYPES.containsValue(type);
    }

    /** The events to append for what a command recorded on the audit now in {@code state}, in order. */
    public List<NewEvent> toNewEvents(AuditState state, List<AuditEvent> recorded) {
        List<NewEvent> events = new ArrayList<>(recorded.size());
        for (AuditEvent event : recorded) {
            events.add(event.published() ? EventPayloads.toNewEvent(state, event)
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
        for (Map.Entry<Class<? extends AuditEvent>, String> t : PRIVATE_TYPES.entrySet()) {
            if (t.getValue().equals(e.type())) {
                return Optional.of(json.read(e.payload(), t.getKey()));
            }
        }
        return EventPayloads.toDomain(e.type(), e.payload(), json);
    }

    /** {@link #toDomain} of each event, in order. */
    public List<AuditEvent> toDomain(List<StoredEvent> events) {
        return events.stream().map(this::toDomain).flatMap(Optional::stream).toList();
    }
}
