package org.cecplatform.contract.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code cec.audits.AuditOpened.v1}. {@code selection} says how the renewal was chosen and what reproduces a random
 * draw; {@code reason} is the plain sentence the person is shown ("selected at random, level CPT, 2027").
 */
public record AuditOpenedV1(
        UUID auditId,
        UUID renewalId,
        String certificantId,
        String credential,
        List<String> credentials,
        int year,
        LocalDate openedOn,
        LocalDate proofDueOn,
        String reason,
        Selection selection,
        Instant openedAt) {

    /**
     * {@code method} RANDOM or MANUAL. For RANDOM: {@code seed} identifies the level-year's seed by its fingerprint
     * ({@code sha256:<16 hex>}; the seed itself stays secret with staff, or anyone could predict the year's
     * selections), with the block, the position in it and the block size that reproduce the draw. For MANUAL:
     * {@code selectedBy} names the staff member.
     */
    public record Selection(String method, String seed, Long block, Integer position, Integer blockSize,
                            String selectedBy) {
    }
}
