package org.cecplatform.platform.messaging;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cecplatform.contract.ledger.CecEarnedV1;
import org.cecplatform.contract.ledger.CecVoidedV1;

/**
 * A ledger credit id names one credit for good (SPEC §6): once a projection holds it, a {@code CECEarned} may not
 * give it another owner or another amount, and a {@code CECVoided} voids it only for its owner. The same figures
 * again under another event id pass: the ledger's relay republishes after a crash, and a replay does too.
 *
 * <p>One instance checks one batch of ledger events, in order, against the credits the projection held before it
 * (read in one query for the whole batch) and against the credits earlier in the batch, so that a conflict inside a
 * batch is caught as well. A violation is a {@link RejectedMessageException}: the batch's transaction fails, the
 * consumer applies the records one by one, and only the offender is dead-lettered.
 */
public final class CreditInvariants {

    /** What a projection holds of a credit that never changes: whose it is and what it is worth. */
    public record Recorded(String certificantId, BigDecimal cecs) {
    }

    /** The projection's credits among those named, by credit id: one query for a whole batch. */
    @FunctionalInterface
    public interface RecordedCredits {
        Map<UUID, Recorded> of(Set<UUID> creditIds);
    }

    private final Map<UUID, Recorded> recorded;

    /**
     * Checks a batch of ledger events, in order, against the credits the projection holds ({@code projected} is asked
     * once, for the credits the batch names).
     *
     * @throws RejectedMessageException the first event that would change a credit's owner or amount
     */
    public static void check(List<? extends LedgerCreditEvent> batch, RecordedCredits projected) {
        Set<UUID> creditIds = new HashSet<>();
        batch.forEach(event -> creditIds.add(event.creditId()));
        if (creditIds.isEmpty()) {
            return;
        }
        CreditInvariants invariants = new CreditInvariants(projected.of(creditIds));
        for (LedgerCreditEvent event : batch) {
            if (event instanceof LedgerCreditEvent.Earned earned) {
                invariants.earned(earned.event());
            } else if (event instanceof LedgerCreditEvent.Voided voided) {
                invariants.voided(voided.event());
            }
        }
    }

    /** @param projected the projection's credits among those the batch names, by credit id */
    public CreditInvariants(Map<UUID, Recorded> projected) {
        this.recorded = new HashMap<>(projected);
    }

    /** Checks the batch's next {@code CECEarned} and remembers its figures for the rest of the batch. */
    public void earned(CecEarnedV1 earned) {
        Recorded first = recorded.putIfAbsent(earned.creditId(),
                new Recorded(earned.certificantId(), earned.cecs()));
        if (first != null && !(first.certificantId().equals(earned.certificantId())
                && first.cecs().compareTo(earned.cecs()) == 0)) {
            throw new RejectedMessageException("credit " + earned.creditId() + " is already recorded for "
                    + first.certificantId() + " with " + first.cecs().toPlainString()
                    + " CECs; a CECEarned cannot change its owner or amount (this one: " + earned.certificantId()
                    + ", " + earned.cecs().toPlainString() + " CECs)");
        }
    }

    /**
     * Checks the batch's next {@code CECVoided}. A void of a credit the projection does not hold yet passes: whose it
     * is cannot be known before the credit arrives.
     */
    public void voided(CecVoidedV1 voided) {
        Recorded credit = recorded.get(voided.creditId());
        if (credit != null && !credit.certificantId().equals(voided.certificantId())) {
            throw new RejectedMessageException("credit " + voided.creditId() + " is recorded for "
                    + credit.certificantId() + "; a CECVoided for " + voided.certificantId() + " cannot void it");
        }
    }
}
