package org.cecplatform.renewal.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import org.cecplatform.platform.persistence.Jdbc;
import org.cecplatform.renewal.domain.RenewalKind;
import org.cecplatform.renewal.domain.RenewedCertification;

/** A row of {@code renewal_certification}: one certification a renewal covered. */
record CoveredRow(UUID renewalId, UUID certificationId, String credential, LocalDate previousCycleStart,
                  LocalDate previousCycleEnd, BigDecimal cecsTracked, LocalDate gapFrom, LocalDate gapTo,
                  LocalDate countedFrom, LocalDate countedTo) {

    static CoveredRow of(ResultSet rs) throws SQLException {
        return new CoveredRow(Jdbc.uuid(rs, "renewal_id"), Jdbc.uuid(rs, "certification_id"),
                rs.getString("credential"), Jdbc.date(rs, "previous_cycle_start"),
                Jdbc.date(rs, "previous_cycle_end"), rs.getBigDecimal("cecs_tracked"), Jdbc.date(rs, "gap_from"),
                Jdbc.date(rs, "gap_to"), Jdbc.date(rs, "counted_from"), Jdbc.date(rs, "counted_to"));
    }

    /**
     * Renewals recorded before the counting window was stored have none: the window as the renewal counted it then,
     * from the previous cycle's start to the renewal date (for a reinstatement, to the lapsed cycle's end).
     */
    RenewedCertification certification(RenewalKind kind, LocalDate renewedOn) {
        LocalDate from = countedFrom != null ? countedFrom : previousCycleStart;
        LocalDate to = countedTo != null ? countedTo
                : kind == RenewalKind.REINSTATEMENT ? previousCycleEnd : renewedOn;
        return new RenewedCertification(certificationId, credential, previousCycleStart, previousCycleEnd,
                cecsTracked, gapFrom, gapTo, from, to);
    }
}
