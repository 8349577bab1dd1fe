package org.cecplatform.ledger.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.cecplatform.ledger.domain.Credit;
import org.cecplatform.ledger.domain.CreditConversion;
import org.cecplatform.ledger.domain.CreditDetails;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A credit as clients see it; CECs shown with one decimal place. */
public record CreditView(UUID creditId, String certificantId, String source, boolean verified, String category,
                         String title, String provider, String providerKind, LocalDate completedOn,
                         BigDecimal amount, String unit, BigDecimal cecs,
                         @Schema(nullable = true, description = "college courses only") String grade,
                         @Schema(nullable = true, description = "the LMS or meeting system's id of a verified credit")
                         String externalRef,
                         boolean voided,
                         @Schema(nullable = true) String voidReason,
                         @Schema(nullable = true) String voidedBy,
                         @Schema(nullable = true) Instant voidedAt,
                         Instant recordedAt, String recordedBy) {

    static CreditView of(Credit credit) {
        CreditDetails d = credit.details();
        Credit.Voiding v = credit.voiding();
        return new CreditView(credit.creditId(), credit.certificantId(), credit.source().name(), credit.verified(),
                d.category().name(), d.title(), d.provider(), d.providerKind().name(), d.completedOn(), d.amount(),
                d.unit().name(), CreditConversion.shown(d.cecs()), d.grade(), credit.externalRef(), credit.voided(),
                v == null ? null : v.reason(), v == null ? null : v.voidedBy(), v == null ? null : v.voidedAt(),
                credit.recordedAt(), credit.recordedBy());
    }
}
