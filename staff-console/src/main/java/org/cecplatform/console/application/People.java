package org.cecplatform.console.application;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/** A person's file from the two services that know them, and the staff actions on it. */
@ApplicationScoped
public class People {

    /** The most credits one page shows (the ledger's page size limit is 500). */
    static final int CREDITS_SHOWN = 200;

    private final RenewalApi renewal;
    private final LedgerApi ledger;

    public People(@RestClient RenewalApi renewal, @RestClient LedgerApi ledger) {
        this.renewal = renewal;
        this.ledger = ledger;
    }

    /** Throws {@link ServiceProblem} when a service refuses (an invalid id, a caller without the right). */
    public PersonFile file(String certificantId) {
        RenewalApi.Certifications certifications = renewal.certifications(certificantId);
        LedgerApi.CreditPage credits = ledger.credits(certificantId, CREDITS_SHOWN);
        return new PersonFile(certificantId, certifications.certifications(), credits.credits(), credits.totalItems());
    }

    /** Voids a credit with the reason staff gave; the ledger checks the reason and the caller's right. */
    public void voidCredit(String certificantId, UUID creditId, String reason) {
        ledger.voidCredit(certificantId, creditId, new LedgerApi.VoidRequest(reason));
    }
}
