package org.cecplatform.ledger.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.cecplatform.ledger.domain.IntakeCredit;
import org.cecplatform.ledger.domain.LedgerPolicyHistory;
import org.cecplatform.ledger.persistence.CreditLedger;
import org.cecplatform.platform.messaging.RejectedMessageException;
import org.jboss.logging.Logger;

/** What both intake consumers share: today's date in the policy zone, and posting a credit once. */
@ApplicationScoped
class IntakePosting {

    private static final Logger LOG = Logger.getLogger(IntakePosting.class);

    private final CreditLedger ledger;
    private final LedgerPolicyHistory policy;
    private final Clock clock;

    public IntakePosting(CreditLedger ledger, LedgerPolicyHistory policy, Clock clock) {
        this.ledger = ledger;
        this.policy = policy;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(policy.zone()));
    }

    /**
     * Deduplication key of an intake message: its own id and what it says, so that a redelivery is skipped while a
     * different message reusing the id still reaches {@link #post} and is dead-lettered there.
     */
    static String deduplicationKey(IntakeCredit credit) {
        return credit.externalRef() + "#" + credit.contentHash();
    }

    /**
     * Posts a batch in one go. A conflicting record fails the whole batch; the consumer then applies the records one
     * by one, so only that record is dead-lettered.
     */
    void postAll(List<IntakeCredit> credits, String consumer) {
        List<CreditLedger.PostOutcome> outcomes = ledger.postAll(credits, consumer);
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) == CreditLedger.PostOutcome.CONFLICTING_CONTENT) {
                throw conflict(credits.get(i));
            }
        }
        LOG.debugf("%s posted a batch of %d credits", consumer, credits.size());
    }

    void post(IntakeCredit credit, String consumer) {
        switch (ledger.post(credit, consumer)) {
            case RECORDED -> LOG.debugf("%s recorded credit %s (%s)", consumer, credit.creditId(), credit.externalRef());
            case ALREADY_RECORDED -> LOG.debugf("%s: %s was recorded before", consumer, credit.externalRef());
            case CONFLICTING_CONTENT -> throw conflict(credit);
        }
    }

    private static RejectedMessageException conflict(IntakeCredit credit) {
        return new RejectedMessageException("duplicate id with different content: " + credit.externalRef()
                + " was already recorded as credit " + credit.creditId() + " with other content; the first one stands");
    }
}
