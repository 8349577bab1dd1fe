package org.cecplatform.renewal.messaging;

import org.cecplatform.contract.ledger.CecEarnedV1;
import org.cecplatform.contract.ledger.CecVoidedV1;

/** A readable record of {@code cec.ledger.v1}. */
public sealed interface LedgerMessage {

    record Earned(CecEarnedV1 event) implements LedgerMessage {
    }

    record Voided(CecVoidedV1 event) implements LedgerMessage {
    }

    /** An event type of the topic this service has no use for: remembered as handled, nothing else. */
    record Ignored(String type) implements LedgerMessage {
    }
}
