package org.cecplatform.ledger.application;

import java.time.Instant;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.contract.ledger.CecEarnedV1;
import org.cecplatform.contract.ledger.CecVoidedV1;
import org.cecplatform.ledger.domain.Credit;
import org.cecplatform.ledger.domain.CreditDetails;
import org.cecplatform.platform.outbox.NewEvent;

/**
 * The ledger's facts in their published form, the event contract's payloads: CECEarned and CECVoided on
 * {@code cec.ledger.v1}, keyed by person.
 */
final class EventPayloads {

    private EventPayloads() {
    }

    static NewEvent earned(Credit credit) {
        CreditDetails d = credit.details();
        CecEarnedV1 payload = new CecEarnedV1(credit.creditId(), credit.certificantId(), credit.source().name(),
                credit.verified(), d.category().name(), d.title(), d.provider(), d.providerKind().name(),
                d.completedOn(), new CecEarnedV1.Reported(d.amount(), d.unit().name()), d.cecs(),
                credit.externalRef(), d.grade(), credit.recordedBy(), credit.recordedAt());
        return event(credit, EventTypes.CEC_EARNED, credit.recordedAt(), payload);
    }

    static NewEvent voided(Credit credit) {
        Credit.Voiding v = credit.voiding();
        CreditDetails d = credit.details();
        CecVoidedV1 payload = new CecVoidedV1(credit.creditId(), credit.certificantId(), v.reason(), v.voidedBy(),
                v.voidedAt(), d.completedOn(), d.category().name(), d.cecs());
        return event(credit, EventTypes.CEC_VOIDED, v.voidedAt(), payload);
    }

    private static NewEvent event(Credit credit, String type, Instant at, Object payload) {
        // The aggregate is the person: their sequence orders every credit and void of their ledger.
        return NewEvent.of(credit.certificantId(), credit.certificantId(), type, Topics.LEDGER, at, payload);
    }
}
