package org.cecplatform.audit.domain.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.policy.counting.CecCounter;

/**
 * What an audit rule needs to know beyond the audit itself, loaded together in the command's transaction.
 *
 * @param ledger                 every credit of the person's ledger, voided ones included
 * @param acceptedElsewhere      ledger credits accepted in the person's other audits, with the audit that accepted
 *                               each
 * @param counter                how the renewal-service counted the audited renewal (caps in force on its day)
 * @param countedByLaterRenewals the last completion date a later renewal of the person counted (null when there is
 *                               none): a replacement CEC must be completed after it, or it would count twice
 */
public record Evidence(List<LedgerCredit> ledger, Map<UUID, UUID> acceptedElsewhere, CecCounter counter,
                       LocalDate countedByLaterRenewals) {

    public Evidence {
        ledger = List.copyOf(ledger);
        acceptedElsewhere = Map.copyOf(acceptedElsewhere);
        Objects.requireNonNull(counter, "counter");
    }

    /** Evidence for a person without later renewals. */
    public Evidence(List<LedgerCredit> ledger, Map<UUID, UUID> acceptedElsewhere, CecCounter counter) {
        this(ledger, acceptedElsewhere, counter, null);
    }

    /** Whether a credit completed on {@code day} (after the audited window) is still free to be a replacement. */
    public boolean freeForReplacement(LocalDate day) {
        return countedByLaterRenewals == null || day.isAfter(countedByLaterRenewals);
    }

    public Optional<LedgerCredit> credit(UUID creditId) {
        return ledger.stream().filter(c -> c.creditId().equals(creditId)).findFirst();
    }
}
