package org.cecplatform.renewal.messaging;

import jakarta.inject.Singleton;
import org.cecplatform.platform.messaging.LedgerCreditEvents;
import org.cecplatform.platform.messaging.LedgerCreditsTopicProjection;
import org.cecplatform.renewal.application.LedgerCreditsWriter;

/**
 * The ledger's credits as the renewal-service counts them toward cycles (table ledger_credit), rebuilt from
 * {@code cec.ledger.v1} through {@link LedgerCreditsWriter}.
 */
@Singleton
public class LedgerCreditsProjection extends LedgerCreditsTopicProjection {

    public LedgerCreditsProjection(LedgerCreditEvents reader, LedgerCreditsWriter writer) {
        super(reader, writer);
    }
}
