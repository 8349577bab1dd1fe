package org.cecplatform.ledger.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import org.cecplatform.ledger.domain.IntakeCredit;
import org.jboss.logging.Logger;

/**
 * The integration systems' credits, posted once each: a redelivery changes nothing, the same id with other content
 * is refused ({@link ConflictingIntakeException}) and the first credit stands.
 */
@ApplicationScoped
public class CreditIntake {

    private static final Logger LOG = Logger.getLogger(CreditIntake.class);

    private final CreditLedger ledger;

    public CreditIntake(CreditLedger ledger) {
        this.ledger = ledger;
    }

    /** Today in the policy zone, the date the intake rules judge a message by. */
    public LocalDate today() {
        return ledger.today();
    }

    /**
     * Posts a batch in one go (inside the consumer's transaction). A conflicting credit fails the whole batch; the
     * consumer then posts the credits one by one, so only that one is refused.
     */
    public void postAll(List<IntakeCredit> credits, String consumer) {
        List<CreditLedger.PostOutcome> outcomes = ledger.postAll(credits, consumer);
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) == CreditLedger.PostOutcome.CONFLICTING_CONTENT) {
                throw new ConflictingIntakeException(credits.get(i));
            }
        }
        LOG.debugf("%s posted a batch of %d credits", consumer, credits.size());
    }

    /** Posts one credit (inside the consumer's transaction), recorded by {@code consumer}. */
    public void post(IntakeCredit credit, String consumer) {
        switch (ledger.post(credit, consumer)) {
            case RECORDED -> LOG.debugf("%s recorded credit %s (%s)", consumer, credit.creditId(), credit.externalRef());
            case ALREADY_RECORDED -> LOG.debugf("%s: %s was recorded before", consumer, credit.externalRef());
            case CONFLICTING_CONTENT -> throw new ConflictingIntakeException(credit);
        }
    }
}
