package org.cecplatform.platform.messaging;

import org.cecplatform.contract.ledger.CecEarnedV1;
import org.cecplatform.contract.ledger.CecVoidedV1;

/** A readable, complete event of {@code cec.ledger.v1} that a credit projection acts on. */
public sealed interface LedgerCreditEvent {

    record Earned(CecEarnedV1 event) implements LedgerCreditEvent {
    }

    record Voided(CecVoidedV1 event) implements LedgerCreditEvent {
    }
}
