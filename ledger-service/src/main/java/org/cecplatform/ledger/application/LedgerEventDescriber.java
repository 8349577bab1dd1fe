package org.cecplatform.ledger.application;

import static org.cecplatform.platform.eventstore.EventDescription.figure;
import static org.cecplatform.platform.eventstore.EventDescription.shortId;

import jakarta.enterprise.context.ApplicationScoped;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.ledger.CecEarnedV1;
import org.cecplatform.contract.ledger.CecVoidedV1;
import org.cecplatform.ledger.domain.Source;
import org.cecplatform.platform.eventstore.EventDescriber;
import org.cecplatform.platform.eventstore.EventDescription;
import org.cecplatform.platform.eventstore.HistoryEvent;

/** The ledger's events in a person's history: a credit recorded, a credit voided. */
@ApplicationScoped
public class LedgerEventDescriber implements EventDescriber {

    @Override
    public EventDescription describe(HistoryEvent event) {
        if (EventTypes.CEC_EARNED.equals(event.type())) {
            return earned(event.payload(CecEarnedV1.class));
        }
        return EventTypes.CEC_VOIDED.equals(event.type()) ? voided(event.payload(CecVoidedV1.class))
                : EventDescription.unknown(event.type());
    }

    private static EventDescription earned(CecEarnedV1 e) {
        String reported = "CEC".equals(e.reported().unit()) ? ""
                : " (" + figure(e.reported().amount()) + " " + e.reported().unit() + ")";
        String summary = "Recorded " + figure(e.cecs()) + " CEC " + e.category() + " '" + e.title() + "'" + reported
                + ", completed " + e.completedOn() + " (" + e.source() + ", "
                + (e.verified() ? "verified" : "unverified") + ")";
        return new EventDescription(byPerson(e.source()) ? e.recordedBy() : EventDescription.SYSTEM, summary);
    }

    /** A self-report or a staff entry names the token's subject; an integration's credit came through a consumer. */
    private static boolean byPerson(String source) {
        return Source.SELF_REPORTED.name().equals(source) || Source.STAFF_ENTERED.name().equals(source);
    }

    private static EventDescription voided(CecVoidedV1 e) {
        return new EventDescription(e.voidedBy(), "Voided credit " + shortId(e.creditId()) + " of " + figure(e.cecs())
                + " CEC " + e.category() + ", completed " + e.completedOn() + " (" + e.reason() + ")");
    }
}
