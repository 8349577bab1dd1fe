package org.cecplatform.renewal.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.platform.projection.ProjectionTables;
import org.cecplatform.renewal.domain.CertificationStatus;
import org.cecplatform.renewal.domain.Cycle;
import org.cecplatform.renewal.domain.Renewal;
import org.cecplatform.renewal.domain.RenewedCertification;
import org.cecplatform.renewal.persistence.Sql;

/**
 * The SQL of the {@code certifications} projection, on the live tables or their shadows: only
 * {@link CertificationsProjection} writes through it (the architecture test checks it).
 */
@ApplicationScoped
public class CertificationTables {

    public static final String CERTIFICATION = "certification";
    public static final String CYCLE = "certification_cycle";
    public static final String RENEWAL = "renewal";
    public static final String RENEWAL_CERTIFICATION = "renewal_certification";

    private final Sql sql;
    private final ObjectMapper json;

    public CertificationTables(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /** What a status step or a new cycle needs to know of a certification's row. */
    public record Current(UUID certificationId, int cycleNumber, LocalDate cycleEnd, CertificationStatus status) {
    }

    public Current current(UUID certificationId, ProjectionTables t) {
        return sql.one("select certification_id, cycle_number, cycle_end, status from " + t.of(CERTIFICATION)
                        + " where certification_id = ?", rs -> new Current(Sql.uuid(rs, "certification_id"),
                        rs.getInt("cycle_number"), Sql.date(rs, "cycle_end"),
                        CertificationStatus.valueOf(rs.getString("status"))), certificationId)
                .orElseThrow(() -> new IllegalStateException("no certification " + certificationId + " in "
                        + t.of(CERTIFICATION)));
    }

    /** The certification a person held with a credential (not revoked or expired): events of version 1 name only it. */
    public Current heldWith(String certificantId, String credential, ProjectionTables t) {
        Optional<UUID> id = sql.one("select certification_id from " + t.of(CERTIFICATION)
                        + " where certificant_id = ? and credential = ? and status not in ('EXPIRED', 'REVOKED')"
                        + " order by granted_at desc limit 1", rs -> Sql.uuid(rs, "certification_id"),
                certificantId, credential);
        return current(id.orElseThrow(() -> new IllegalStateException(certificantId + " holds no " + credential)), t);
    }

    public void granted(UUID certificationId, String certificantId, String credential, LocalDate certifiedOn,
                 Cycle first, LocalDate nextStatusChangeOn, String grantedBy, Instant grantedAt, Instant at,
                 ProjectionTables t) {
        sql.update("insert into " + t.of(CERTIFICATION) + " (certification_id, certificant_id, credential,"
                        + " certified_on, cycle_number, cycle_start, cycle_end, counting_from, status, status_since,"
                        + " inactive_audit_id, next_status_change_on, granted_by, granted_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?)",
                certificationId, certificantId, credential, certifiedOn, first.number(), first.start(), first.end(),
                first.countingFrom(), CertificationStatus.ACTIVE.name(), certifiedOn, nextStatusChangeOn, grantedBy,
                grantedAt, at);
        cycle(certificationId, first, t);
    }

    public void statusChanged(UUID certificationId, CertificationStatus to, LocalDate since, UUID inactiveAuditId,
                       LocalDate nextStatusChangeOn, Instant at, ProjectionTables t) {
        sql.update("update " + t.of(CERTIFICATION) + " set status = ?, status_since = ?, inactive_audit_id = ?,"
                        + " next_status_change_on = ?, updated_at = ? where certification_id = ?",
                to.name(), since, inactiveAuditId, nextStatusChangeOn, at, certificationId);
    }

    public void auditHold(UUID certificationId, UUID auditId, Instant at, ProjectionTables t) {
        sql.update("update " + t.of(CERTIFICATION) + " set inactive_audit_id = ?, updated_at = ?"
                + " where certification_id = ?", auditId, at, certificationId);
    }

    public void cycleStarted(UUID certificationId, Cycle next, LocalDate nextStatusChangeOn, Instant at, ProjectionTables t) {
        cycle(certificationId, next, t);
        sql.update("update " + t.of(CERTIFICATION) + " set cycle_number = ?, cycle_start = ?, cycle_end = ?,"
                        + " counting_from = ?, next_status_change_on = ?, updated_at = ? where certification_id = ?",
                next.number(), next.start(), next.end(), next.countingFrom(), nextStatusChangeOn, at,
                certificationId);
    }

    private void cycle(UUID certificationId, Cycle y, ProjectionTables t) {
        sql.update("insert into " + t.of(CYCLE) + " (certification_id, number, cycle_start, cycle_end, counting_from,"
                        + " origin, renewal_id, gap_from, gap_to) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                certificationId, y.number(), y.start(), y.end(), y.countingFrom(), y.origin().name(), y.renewalId(),
                y.gapFrom(), y.gapTo());
    }

    /** A renewal's receipt, with the certifications it covered (their ids resolved). */
    public void renewal(Renewal r, List<RenewedCertification> covered, ProjectionTables t) {
        sql.update("insert into " + t.of(RENEWAL) + " (renewal_id, certificant_id, kind, credentials, level,"
                        + " renewed_on, renewed_at, cycle_start, cycle_end, cecs_required, attested_submitted,"
                        + " attested_counted, cecs_attested, cecs_tracked, fee_items, fee_total, currency,"
                        + " payment_amount, payment_currency, payment_reference, cpr_provider, cpr_issued_on,"
                        + " cpr_expires_on, cpr_hands_on, submitted_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?)",
                r.renewalId(), r.certificantId(), r.kind().name(), String.join(",", r.credentials()), r.level(),
                r.renewedOn(), r.renewedAt(), r.cycleStart(), r.cycleEnd(), r.cecsRequired(),
                toJson(r.attestedAsSubmitted()), toJson(r.attestedAsCounted()), r.cecsAttested(), r.cecsTracked(),
                toJson(r.fee().items()), r.fee().total(), r.fee().currency(), r.payment().amount(),
                r.payment().currency(), r.payment().reference(), r.cpr().provider(), r.cpr().issuedOn(),
                r.cpr().expiresOn(), r.cpr().handsOnSkills(), r.submittedBy());
        for (RenewedCertification c : covered) {
            sql.update("insert into " + t.of(RENEWAL_CERTIFICATION) + " (renewal_id, certification_id, credential,"
                            + " previous_cycle_start, previous_cycle_end, cecs_tracked, gap_from, gap_to,"
                            + " counted_from, counted_to) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    r.renewalId(), c.certificationId(), c.credential(), c.previousCycleStart(),
                    c.previousCycleEnd(), c.cecsTracked(), c.gapFrom(), c.gapTo(), c.countedFrom(), c.countedTo());
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store as JSON: " + value, e);
        }
    }
}
