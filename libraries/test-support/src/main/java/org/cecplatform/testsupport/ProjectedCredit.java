package org.cecplatform.testsupport;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * A credit as a service's projection of the ledger ({@code ledger_credit}) holds it, read straight from the table;
 * CECs compared by value (10 = 10.0).
 */
public record ProjectedCredit(String certificantId, BigDecimal cecs, boolean voided) {

    public ProjectedCredit {
        cecs = cecs.stripTrailingZeros();
    }

    /** A credit that counts: not voided. */
    public static ProjectedCredit counted(String certificantId, String cecs) {
        return new ProjectedCredit(certificantId, new BigDecimal(cecs), false);
    }

    /** The projection's row of a credit (a void marker included); empty when it holds none. */
    public static Optional<ProjectedCredit> of(UUID creditId) {
        return TestDatabase.firstRow("select certificant_id, cecs, voided from ledger_credit where credit_id = ?",
                row -> new ProjectedCredit(row.getString(1), row.getBigDecimal(2), row.getBoolean(3)), creditId);
    }

    /** How many credits (void markers included) the projection holds for this certificant. */
    public static long countOf(String certificantId) {
        return TestDatabase.firstRow("select count(*) from ledger_credit where certificant_id = ?",
                row -> row.getLong(1), certificantId).orElseThrow();
    }
}
