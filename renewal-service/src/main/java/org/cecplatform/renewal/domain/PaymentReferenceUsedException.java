package org.cecplatform.renewal.domain;

import java.util.UUID;

/** A payment reference renews once: a second renewal with it is refused (409). */
public class PaymentReferenceUsedException extends RuntimeException {

    private final UUID renewalId;

    public PaymentReferenceUsedException(String reference, UUID renewalId) {
        super("payment reference '" + reference + "' was already used"
                + (renewalId == null ? "" : " by renewal " + renewalId));
        this.renewalId = renewalId;
    }

    public UUID renewalId() {
        return renewalId;
    }
}
