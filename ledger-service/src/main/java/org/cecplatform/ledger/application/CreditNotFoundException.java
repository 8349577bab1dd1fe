package org.cecplatform.ledger.application;

import java.util.UUID;

/** No such credit in this person's ledger. */
public class CreditNotFoundException extends RuntimeException {

    public CreditNotFoundException(String certificantId, UUID creditId) {
        super("credit " + creditId + " is not in the ledger of " + certificantId);
    }
}
