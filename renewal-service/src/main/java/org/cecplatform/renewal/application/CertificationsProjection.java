package org.cecplatform.renewal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.cecplatform.platform.outbox.StoredEvent;
import org.cecplatform.platform.projection.EventLogProjection;
import org.cecplatform.platform.projection.ProjectionTables;
import org.cecplatform.renewal.domain.CertificationEvent;
import org.cecplatform.renewal.domain.CertificationStatus;
import org.cecplatform.renewal.domain.CycleCalendar;
import org.cecplatform.renewal.domain.Cycle;
import org.cecplatform.renewal.domain.CycleOrigin;
import org.cecplatform.renewal.domain.Renewal;
import org.cecplatform.renewal.domain.RenewalRulesHistory;
import org.cecplatform.renewal.domain.RenewedCertification;
import org.cecplatform.renewal.persistence.CertificationTables;

/**
 * The read model of people's certifications, their cycles and their renewals (tables certification,
 * certification_cycle, renewal, renewal_certification), projected from the persons' streams. Commands apply their own
 * events here in their transaction (live tables); a rebuild applies the whole log to the shadows. Same code, so the
 * rows are the same either way. {@code next_status_change_on} (the status job's index) follows the calendar of the
 * rules in force on the day of the event; {@code updated_at} is the time of the last event applied to the row.
 */
@ApplicationScoped
public class CertificationsProjection implements EventLogProjection {

    public static final String NAME = "certifications";

    private final EventPayloads payloads;
    private final CertificationTables rows;
    private final RenewalRulesHistory rules;

    public CertificationsProjection(EventPayloads payloads, CertificationTables rows, RenewalRulesHistory rules) {
        this.payloads = payloads;
        this.rows = rows;
        this.rules = rules;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(CertificationTables.CERTIFICATION, CertificationTables.CYCLE, CertificationTables.RENEWAL,
                CertificationTables.RENEWAL_CERTIFICATION);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<StoredEvent> events, ProjectionTables tables) {
        for (StoredEvent event : events) {
            Optional<Renewal> imported = payloads.importedReceipt(event);
            if (imported.isPresent()) {
                rows.renewal(imported.get(), tables);
                continue;
            }
            Optional<CertificationEvent> change = payloads.toChange(event);
            if (change.isPresent()) {
                apply(event, change.get(), tables);
            }
        }
    }

    private void apply(StoredEvent event, CertificationEvent change, ProjectionTables t) {
        CycleCalendar calendar = rules.on(rules.dateOf(event.occurredAt())).calendar();
        if (change instanceof CertificationEvent.Granted g) {
            Cycle first = new Cycle(1, g.cycleStart(), g.cycleEnd(), g.certifiedOn(), CycleOrigin.GRANT, null, null,
                    null);
            rows.granted(g.certificationId(), g.certificantId(), g.credential(), g.certifiedOn(), first,
                    calendar.nextChangeOn(CertificationStatus.ACTIVE, g.cycleEnd()), g.grantedBy(), g.grantedAt(),
                    event.occurredAt(), t);
        } else if (change instanceof CertificationEvent.StatusChanged s) {
            CertificationTables.Current row = rows.current(s.certificationId(), t);
            rows.statusChanged(s.certificationId(), s.to(), s.effectiveOn(),
                    s.to() == CertificationStatus.INACTIVE ? s.auditId() : null,
                    calendar.nextChangeOn(s.to(), row.cycleEnd()), event.occurredAt(), t);
        } else if (change instanceof CertificationEvent.AuditHoldChanged h) {
            rows.auditHold(h.certificationId(), h.auditId(), event.occurredAt(), t);
        } else if (change instanceof CertificationEvent.Renewed renewed) {
            renewed(event, renewed.renewal(), calendar, t);
        }
    }

    /**
     * Each certification covered starts its next cycle. A renewal read from a version 1 event names credentials only
     * (the one held then is meant) and has no receipt: its renewal rows come with the receipt imported after it.
     */
    private void renewed(StoredEvent event, Renewal r, CycleCalendar calendar, ProjectionTables t) {
        for (RenewedCertification c : r.certifications()) {
            CertificationTables.Current row = c.certificationId() != null ? rows.current(c.certificationId(), t)
                    : rows.heldWith(r.certificantId(), c.credential(), t);
            Cycle next = Cycle.after(row.cycleNumber(), row.cycleEnd(), r.kind(), r.renewedOn(), r.cycleStart(),
                    r.cycleEnd(), r.renewalId());
            rows.cycleStarted(row.certificationId(), next, calendar.nextChangeOn(row.status(), next.end()),
                    event.occurredAt(), t);
        }
        if (r.hasReceipt()) {
            rows.renewal(r, t);
        }
    }
}
