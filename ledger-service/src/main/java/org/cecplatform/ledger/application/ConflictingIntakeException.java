package org.cecplatform.ledger.application;

import org.cecplatform.ledger.domain.IntakeCredit;

/** An integration credit's id was recorded before with other content; the first credit stands. */
public class ConflictingIntakeException extends RuntimeException {

    public ConflictingIntakeException(IntakeCredit credit) {
        super("duplicate id with different content: " + credit.externalRef() + " was already recorded as credit "
                + credit.creditId() + " with other content; the first one stands");
    }
}
