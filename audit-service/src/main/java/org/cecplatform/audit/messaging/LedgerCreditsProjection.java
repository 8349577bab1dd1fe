package org.cecplatform.audit.messaging;

import jakarta.inject.Singleton;
import org.cecplatform.audit.application.LedgerCreditsWriter;
import org.cecplatform.platform.messaging.LedgerCreditEvents;
import org.cecplatform.platform.messaging.LedgerCreditsTopicProjection;

/**
 * The {@code ledger-credits} projection of the audit-service: the credits an audit item may name, rebuilt from
 * {@code cec.ledger.v1} through {@link LedgerCreditsWriter}.
 */
@Singleton
public class LedgerCreditsProjection extends LedgerCreditsTopicProjection {

    public LedgerCreditsProjection(LedgerCreditEvents reader, LedgerCreditsWriter writer) {
        super(reader, writer);
    }
}
