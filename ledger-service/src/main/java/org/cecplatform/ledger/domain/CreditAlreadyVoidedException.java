package org.cecplatform.ledger.domain;

import java.util.UUID;

/** A credit is voided once; voiding it again is a conflict. */
public class CreditAlreadyVoidedException extends RuntimeException {

    public CreditAlreadyVoidedException(UUID creditId) {
        super("credit " + creditId + " is already voided");
    }
}
