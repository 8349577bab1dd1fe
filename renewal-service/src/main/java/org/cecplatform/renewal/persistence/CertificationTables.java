package org.cecplatform.renewal.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cecplatform.platform.persistence.Jdbc;
import org.cecplatform.platform.persistence.StoredJson;
import org.cecplatform.platform.projection.ProjectionTables;
import org.cecplatform.renewal.domain.CertificationStatus;
import org.cecplatform.renewal.domain.Cycle;
import org.cecplatform.renewal.domain.Renewal;
import org.cecplatform.renewal.domain.RenewedCertification;

/**
 * The SQL of the {@code certifications} projection, on the live tables or their shadows: only
 * {@code CertificationsProjection} writes through it (the architecture test checks it). Plain JDBC: commands project
 * their own events in their transaction, and a rebuild replays every stream through it.
 */
@ApplicationScoped
public class CertificationTables {

    public static final String CERTIFICATION = "certification";
    public static final String CYCLE = "certification_cycle";
    public static final String RENEWAL = "renewal";
    public static final String RENEWAL_CERTIFICATION = "renewal_certification";

    private final Jdbc jdbc;
    private final StoredJson json;

    public CertificationTables(Jdbc jdbc, StoredJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What a status step or a new cycle needs to know of a certification's row. */
    public record Current(UUID certificationId, int cycleNumber, LocalDate cycleEnd, CertificationStatus status) {
    }

    public Current current(UUID certificationId, ProjectionTables t) {
        return jdbc.one("select certification_id, cycle_number, cycle_end, status from " + t.of(CERTIFICATION)
                        + " where certification_id = ?", rs -> new Current(Jdbc.uuid(rs, "certification_id"),
                        rs.getInt("cycle_number"), Jdbc.date(rs, "cycle_end"),
                        CertificationStatus.valueOf(rs.getString("status"))), certificationId)
                .orElseThrow(() -> new IllegalStateException("no certification " + certificationId + " in "
                        + t.of(CERTIFICATION)));
    }

    /** The certification a person held with a credential (not revoked or expired): events of version 1 name only it. */
    public Current heldWith(String certificantId, String credential, ProjectionTables t) {
        UUID id = jdbc.one("select certification_id from " + t.of(CERTIFICATION)
                        + " where certificant_id = ? and credential = ? and status not in ('EXPIRED', 'REVOKED')"
                        + " order by granted_at desc limit 1", rs -> Jdbc.uuid(rs, "certification_id"),
                        certificantId, credential)
                .orElseThrow(() -> new IllegalStateException(certificantId + " holds no " + credential));
        return current(id, t);
    }

    /** A granted certification: ACTIVE from the day it was certified, in its first cycle. */
    public void granted(UUID certificationId, String certificantId, String credential, LocalDate certifiedOn,
                        Cycle first, LocalDate nextStatusChangeOn, String grantedBy, Instant grantedAt, Instant at,
                        ProjectionTables t) {
        insert(Insert.into(t.of(CERTIFICATION))
                .value("certification_id", certificationId)
                .value("certificant_id", certificantId)
                .value("credential", credential)
                .value("certified_on", certifiedOn)
                .value("cycle_number", first.number())
                .value("cycle_start", first.start())
                .value("cycle_end", first.end())
                .value("counting_from", first.countingFrom())
                .value("status", CertificationStatus.ACTIVE)
                .value("status_since", certifiedOn)
                .value("next_status_change_on", nextStatusChangeOn)
                .value("granted_by", grantedBy)
                .value("granted_at", grantedAt)
                .value("updated_at", at));
        cycle(certificationId, first, t);
    }

    public void statusChanged(UUID certificationId, CertificationStatus to, LocalDate since, UUID inactiveAuditId,
                              LocalDate nextStatusChangeOn, Instant at, ProjectionTables t) {
        jdbc.update("update " + t.of(CERTIFICATION) + " set status = ?, status_since = ?, inactive_audit_id = ?,"
                        + " next_status_change_on = ?, updated_at = ? where certification_id = ?",
                to, since, inactiveAuditId, nextStatusChangeOn, at, certificationId);
    }

    public void auditHold(UUID certificationId, UUID auditId, Instant at, ProjectionTables t) {
        jdbc.update("update " + t.of(CERTIFICATION) + " set inactive_audit_id = ?, updated_at = ?"
                + " where certification_id = ?", auditId, at, certificationId);
    }

    public void cycleStarted(UUID certificationId, Cycle next, LocalDate nextStatusChangeOn, Instant at,
                             ProjectionTables t) {
        cycle(certificationId, next, t);
        jdbc.update("update " + t.of(CERTIFICATION) + " set cycle_number = ?, cycle_start = ?, cycle_end = ?,"
                        + " counting_from = ?, next_status_change_on = ?, updated_at = ? where certification_id = ?",
                next.number(), next.start(), next.end(), next.countingFrom(), nextStatusChangeOn, at,
                certificationId);
    }

    private void cycle(UUID certificationId, Cycle y, ProjectionTables t) {
        insert(Insert.into(t.of(CYCLE))
                .value("certification_id", certificationId)
                .value("number", y.number())
                .value("cycle_start", y.start())
                .value("cycle_end", y.end())
                .value("counting_from", y.countingFrom())
                .value("origin", y.origin())
                .value("renewal_id", y.renewalId())
                .value("gap_from", y.gapFrom())
                .value("gap_to", y.gapTo()));
    }

    /** A renewal's receipt, and one row for each certification it covered (their ids resolved), in one batch. */
    public void renewal(Renewal r, ProjectionTables t) {
        insert(Insert.into(t.of(RENEWAL))
                .value("renewal_id", r.renewalId())
                .value("certificant_id", r.certificantId())
                .value("kind", r.kind())
                .value("credentials", String.join(",", r.credentials()))
                .value("level", r.level())
                .value("renewed_on", r.renewedOn())
                .value("renewed_at", r.renewedAt())
                .value("cycle_start", r.cycleStart())
                .value("cycle_end", r.cycleEnd())
                .value("cecs_required", r.cecsRequired())
                .jsonb("attested_submitted", json.write(r.attestedAsSubmitted()))
                .jsonb("attested_counted", json.write(r.attestedAsCounted()))
                .value("cecs_attested", r.cecsAttested())
                .value("cecs_tracked", r.cecsTracked())
                .jsonb("fee_items", json.write(r.fee().items()))
                .value("fee_total", r.fee().total())
                .value("currency", r.fee().currency())
                .value("payment_amount", r.payment().amount())
                .value("payment_currency", r.payment().currency())
                .value("payment_reference", r.payment().reference())
                .value("cpr_provider", r.cpr().provider())
                .value("cpr_issued_on", r.cpr().issuedOn())
                .value("cpr_expires_on", r.cpr().expiresOn())
                .value("cpr_hands_on", r.cpr().handsOnSkills())
                .value("submitted_by", r.submittedBy()));
        List<Insert> covered = r.certifications().stream().map(c -> covered(r, c, t)).toList();
        if (!covered.isEmpty()) {
            jdbc.batch(covered.get(0).sql(), covered, Insert::params);
        }
    }

    private static Insert covered(Renewal r, RenewedCertification c, ProjectionTables t) {
        return Insert.into(t.of(RENEWAL_CERTIFICATION))
                .value("renewal_id", r.renewalId())
                .value("certification_id", c.certificationId())
                .value("credential", c.credential())
                .value("previous_cycle_start", c.previousCycleStart())
                .value("previous_cycle_end", c.previousCycleEnd())
                .value("cecs_tracked", c.cecsTracked())
                .value("gap_from", c.gapFrom())
                .value("gap_to", c.gapTo())
                .value("counted_from", c.countedFrom())
                .value("counted_to", c.countedTo());
    }

    private void insert(Insert row) {
        jdbc.update(row.sql(), row.params());
    }
}
