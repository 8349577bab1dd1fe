package org.cecplatform.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cecplatform.policy.counting.CecCaps;

/**
 * The rules in force from {@code effectiveFrom} until the day before the next version's: the credential table in tie
 * order (highest first: the order that breaks ties between credentials requiring the same CECs, and the audit
 * levels), the fees, the counting caps, the caps on attested totals, the ledger's rules and the audit sampling rates.
 */
public record PolicyVersion(LocalDate effectiveFrom, List<Credential> credentials, Fees fees, CecCaps countingCaps,
                            AttestedCaps attestedCaps, LedgerRules ledger, SamplingRates sampling) {

    public PolicyVersion {
        credentials = List.copyOf(credentials);
    }

    /** The credential codes in tie order, highest first: also the audit levels. */
    public List<String> tieOrder() {
        return credentials.stream().map(Credential::code).toList();
    }

    public Optional<Credential> credential(String code) {
        return credentials.stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
