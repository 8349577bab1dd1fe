package org.cecplatform.console.application;

import java.util.List;

/** What the console shows of one person: certifications (renewal-service) and credits (ledger-service). */
public record PersonFile(String certificantId, List<RenewalApi.Certification> certifications,
                         List<LedgerApi.Credit> credits, long creditCount) {
}
