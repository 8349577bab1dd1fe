package org.cecplatform.platform.messaging;

import java.util.UUID;
import org.cecplatform.contract.ledger.CecEarnedV1;
import org.cecplatform.contract.ledger.CecVoidedV1;

/** A readable, complete event of {@code cec.ledger.v1} that a credit projection acts on. */
public sealed interface LedgerCreditEvent {

    /** The credit the event is about. */
    UUID creditId();

    record Earned(CecEarnedV1 event) implements LedgerCreditEvent {
        @Override
        public UUID creditId() {
            return event.creditId();
        }
    }

    record Voided(CecVoidedV1 event) implements LedgerCreditEvent {
        @Override
        public UUID creditId() {
            return event.creditId();
        }
    }
}
