package org.cecplatform.platform.messaging;

import java.util.List;
import org.cecplatform.platform.projection.ProjectionTables;

/**
 * A service's projection of the ledger's credits ({@code cec.ledger.v1}): its tables, and how a batch of credit events
 * is written to either copy of them. The live path and a rebuild write through the same {@link #write}.
 */
public interface ProjectedLedgerCredits {

    /** The projection's tables, parents first. */
    List<String> tables();

    /** Writes the events, in order, to the live tables or their shadow. */
    void write(List<? extends LedgerCreditEvent> events, ProjectionTables tables);
}
