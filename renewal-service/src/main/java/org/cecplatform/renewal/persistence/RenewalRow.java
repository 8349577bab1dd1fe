package org.cecplatform.renewal.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.cecplatform.platform.persistence.Jdbc;
import org.cecplatform.renewal.domain.RenewalKind;

/** A row of {@code renewal} (the {@code certifications} projection's), as read; the {@code jsonb} columns as text. */
record RenewalRow(UUID renewalId, String certificantId, RenewalKind kind, String credentials, String level,
                  LocalDate renewedOn, Instant renewedAt, LocalDate cycleStart, LocalDate cycleEnd,
                  BigDecimal cecsRequired, String attestedSubmitted, String attestedCounted, BigDecimal cecsAttested,
                  BigDecimal cecsTracked, String feeItems, BigDecimal feeTotal, String currency,
                  BigDecimal paymentAmount, String paymentCurrency, String paymentReference, String cprProvider,
                  LocalDate cprIssuedOn, LocalDate cprExpiresOn, boolean cprHandsOn, String submittedBy) {

    static RenewalRow of(ResultSet rs) throws SQLException {
        return new RenewalRow(Jdbc.uuid(rs, "renewal_id"), rs.getString("certificant_id"),
                RenewalKind.valueOf(rs.getString("kind")), rs.getString("credentials"), rs.getString("level"),
                Jdbc.date(rs, "renewed_on"), Jdbc.instant(rs, "renewed_at"), Jdbc.date(rs, "cycle_start"),
                Jdbc.date(rs, "cycle_end"), rs.getBigDecimal("cecs_required"), rs.getString("attested_submitted"),
                rs.getString("attested_counted"), rs.getBigDecimal("cecs_attested"), rs.getBigDecimal("cecs_tracked"),
                rs.getString("fee_items"), rs.getBigDecimal("fee_total"), rs.getString("currency"),
                rs.getBigDecimal("payment_amount"), rs.getString("payment_currency"),
                rs.getString("payment_reference"), rs.getString("cpr_provider"), Jdbc.date(rs, "cpr_issued_on"),
                Jdbc.date(rs, "cpr_expires_on"), rs.getBoolean("cpr_hands_on"), rs.getString("submitted_by"));
    }
}
