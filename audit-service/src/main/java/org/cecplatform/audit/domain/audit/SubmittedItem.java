package org.cecplatform.audit.domain.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One credit on the detailed audit form, as the person submits it. {@code creditId} names a ledger credit, if any:
 * then the other figures may be null (the ledger's are taken) and a value that is given must be the ledger's.
 */
public record SubmittedItem(UUID creditId, String title, String provider, LocalDate completedOn, BigDecimal cecs,
                            String category, List<UUID> documentIds) {

    public SubmittedItem {
        documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
    }
}
