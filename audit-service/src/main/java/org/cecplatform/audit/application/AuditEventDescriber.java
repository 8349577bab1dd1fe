package org.cecplatform.audit.application;

import static org.cecplatform.platform.eventstore.EventDescription.SYSTEM;
import static org.cecplatform.platform.eventstore.EventDescription.figure;
import static org.cecplatform.platform.eventstore.EventDescription.shortId;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.cecplatform.audit.domain.audit.AuditEvent;
import org.cecplatform.audit.domain.audit.AuditItem;
import org.cecplatform.audit.domain.audit.Decision;
import org.cecplatform.audit.domain.audit.ItemDecision;
import org.cecplatform.audit.domain.audit.RenewalUnderAudit;
import org.cecplatform.audit.domain.audit.Selection;
import org.cecplatform.audit.domain.sampling.RenewalDrawn;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.audit.AuditOpenedV1;
import org.cecplatform.platform.eventstore.EventDescriber;
import org.cecplatform.platform.eventstore.EventDescription;
import org.cecplatform.platform.eventstore.HistoryEvent;

/**
 * The audit-service's events in a person's history: their audits' events (public and private) and the draws of their
 * renewals in the sampling pools (keyed by the person; the pool's own PoolOpened is keyed by the pool and never shows).
 * A draw's outcome and numbers stay out of the summary: they are for staff, and the person learns of a selection from
 * the AuditOpened that follows. Who did it: the staff member or auditor the event names; {@code system} for a random
 * selection, an overdue, an automatic pass, a draw, an import; the person for a submission, or the staff member who
 * entered their paper form. The events a decision or an overdue records beside it (item reviews, the closing, from
 * when replacement CECs count) name no one: the actor is null, the event before them says who.
 */
@ApplicationScoped
public class AuditEventDescriber implements EventDescriber {

    private final AuditEventStream stream;

    public AuditEventDescriber(AuditEventStream stream) {
        this.stream = stream;
    }

    @Override
    public EventDescription describe(HistoryEvent event) {
        if (EventTypes.AUDIT_OPENED.equals(event.type())) {
            return opened(event.payload(AuditOpenedV1.class));
        }
        if (RenewalDrawn.TYPE.equals(event.type())) {
            RenewalDrawn drawn = event.payload(RenewalDrawn.class);
            return new EventDescription(SYSTEM, "Renewal " + shortId(drawn.renewalId()) + " of " + drawn.renewedOn()
                    + " entered the " + drawn.level() + " " + drawn.year() + " sampling pool");
        }
        return stream.toDomain(event.stored()).map(e -> describe(e, event.certificantId()))
                .orElseGet(() -> EventDescription.unknown(event.type()));
    }

    private static EventDescription opened(AuditOpenedV1 e) {
        boolean byHand = Selection.Method.MANUAL.name().equals(e.selection().method());
        return new EventDescription(byHand ? e.selection().selectedBy() : SYSTEM, "Audit opened for renewal "
                + shortId(e.renewalId()) + " (" + e.reason() + "), proof due " + e.proofDueOn());
    }

    private static EventDescription describe(AuditEvent event, String person) {
        if (event instanceof AuditEvent.Started e) {
            RenewalUnderAudit r = e.renewal();
            return new EventDescription(selectedBy(e.selection()), "Audit of " + r.kind() + " " + shortId(r.renewalId())
                    + " (" + String.join(", ", r.credentials()) + ", " + r.renewedOn() + ") started: "
                    + figure(r.cecsRequired()) + " CECs required, completed " + r.windowStart() + " to "
                    + r.windowEnd());
        }
        if (event instanceof AuditEvent.ProofItemsSubmitted e) {
            // a paper form entered by staff: they are the actor, on the person's behalf
            String enteredBy = e.items().stream().map(AuditItem::enteredBy).filter(Objects::nonNull)
                    .findFirst().orElse(null);
            return new EventDescription(enteredBy == null ? person : enteredBy, "Proof items of round " + e.round()
                    + ": " + items(e.items()) + (enteredBy == null ? ""
                    : " (from the paper form, entered by " + enteredBy + " on behalf of " + person + ")"));
        }
        if (event instanceof AuditEvent.ProofSubmitted e) {
            return new EventDescription(person, "Proof submitted: " + e.items() + " item(s), " + figure(e.cecs())
                    + " CECs");
        }
        if (event instanceof AuditEvent.Extended e) {
            return new EventDescription(e.extendedBy(), "Proof due date extended from " + e.previousDueOn() + " to "
                    + e.newDueOn() + " (" + e.reason() + ")");
        }
        if (event instanceof AuditEvent.ItemsReviewed e) {
            return new EventDescription(null, "Items reviewed: " + reviews(e.reviews()));
        }
        if (event instanceof AuditEvent.Decided e) {
            return decided(e.decision());
        }
        if (event instanceof AuditEvent.Overdue e) {
            return new EventDescription(SYSTEM, "Proof overdue (due " + e.dueOn() + "), cure by " + e.cureBy());
        }
        if (event instanceof AuditEvent.Cured e) {
            return new EventDescription("PROOF_SUBMITTED".equals(e.how()) ? person : SYSTEM,
                    "Overdue audit cured (" + e.how() + ")");
        }
        if (event instanceof AuditEvent.Closed e) {
            return new EventDescription(null, "Audit closed " + e.result() + " (" + e.reason() + ")"
                    + (e.validUntil() == null ? "" : ", valid until " + e.validUntil()));
        }
        if (event instanceof AuditEvent.ReplacementCecsCount e) {
            return new EventDescription(null, "Replacement CECs count from " + e.from());
        }
        AuditEvent.StateImported e = (AuditEvent.StateImported) event;
        return new EventDescription(SYSTEM, "Audit state imported from the tables: " + e.state().status());
    }

    private static String selectedBy(Selection selection) {
        return selection.method() == Selection.Method.MANUAL ? selection.selectedBy() : SYSTEM;
    }

    private static EventDescription decided(Decision d) {
        return new EventDescription(d.decidedBy(), "Decided " + d.outcome() + ": " + figure(d.cecsAccepted())
                + " CECs accepted, " + figure(d.cecsDisallowed()) + " disallowed"
                + (d.remediationDueOn() == null ? "" : ", remediation due " + d.remediationDueOn())
                + (d.notes() == null ? "" : " (" + d.notes() + ")"));
    }

    private static String items(List<AuditItem> items) {
        BigDecimal cecs = items.stream().map(AuditItem::cecs).reduce(BigDecimal.ZERO, BigDecimal::add);
        return items.size() + " item(s), " + figure(cecs) + " CECs ("
                + items.stream().map(i -> "'" + i.title() + "'").collect(Collectors.joining(", ")) + ")";
    }

    private static String reviews(List<ItemDecision> reviews) {
        long accepted = reviews.stream().filter(r -> Boolean.TRUE.equals(r.accepted())).count();
        String disallowed = reviews.stream().filter(r -> Boolean.FALSE.equals(r.accepted()))
                .map(r -> shortId(r.itemId()) + " " + r.disallowedReason()).collect(Collectors.joining("; "));
        return accepted + " accepted, " + (reviews.size() - accepted) + " disallowed"
                + (disallowed.isEmpty() ? "" : " (" + disallowed + ")");
    }
}
