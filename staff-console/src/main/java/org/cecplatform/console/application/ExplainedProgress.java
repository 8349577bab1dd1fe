package org.cecplatform.console.application;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A cycle's CECs explained, for the progress page: the renewal-service's answer, the certification it explains (for
 * its cycles, null if not found) and the titles of the person's credits (the answer names credits by id only).
 */
public record ExplainedProgress(String certificantId, RenewalApi.Progress progress,
                                RenewalApi.Certification certification, Map<UUID, LedgerApi.Credit> creditsById) {

    public ExplainedProgress(String certificantId, RenewalApi.Progress progress, RenewalApi.Certification certification,
                             List<LedgerApi.Credit> credits) {
        this(certificantId, progress, certification,
                credits.stream().collect(Collectors.toMap(LedgerApi.Credit::creditId, Function.identity(), (a, b) -> a)));
    }

    /** The credit's title as the ledger has it, or its id when it is not among the credits read. */
    public String title(UUID creditId) {
        LedgerApi.Credit credit = creditsById.get(creditId);
        return credit == null ? creditId.toString() : credit.title();
    }

    public List<RenewalApi.Cycle> cycles() {
        return certification == null || certification.cycles() == null ? List.of() : certification.cycles();
    }
}
