package org.cecplatform.notification.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cecplatform.notification.domain.ReminderFact;
import org.cecplatform.platform.persistence.Jdbc;

/** The dates the reminders need, kept from the events: cycles and statuses, open audits' due dates. */
@ApplicationScoped
public class ReminderFactsRepository {

    /** A certification with a status and a cycle end, as the reminders job reads it. */
    public record CycleRow(String certificantId, String credential, LocalDate cycleEnd, String status) {
    }

    /** An audit waiting for proof. */
    public record AuditRow(UUID auditId, String certificantId, String credential, LocalDate dueOn) {
    }

    private final Jdbc jdbc;

    public ReminderFactsRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void apply(ReminderFact fact, Instant at) {
        if (fact instanceof ReminderFact.Cycle c) {
            jdbc.update("insert into certification_cycle (certificant_id, credential, cycle_start, cycle_end, status,"
                            + " updated_at) values (?, ?, ?, ?, 'ACTIVE', ?) on conflict (certificant_id, credential)"
                            + " do update set cycle_start = excluded.cycle_start, cycle_end = excluded.cycle_end,"
                            + " status = 'ACTIVE', updated_at = excluded.updated_at"
                            // a late copy of an older cycle's event must not move the cycle back
                            + " where certification_cycle.cycle_end <= excluded.cycle_end",
                    c.certificantId(), c.credential(), c.cycleStart(), c.cycleEnd(), at);
        } else if (fact instanceof ReminderFact.Status s) {
            jdbc.update("update certification_cycle set status = ?, updated_at = ? where certificant_id = ?"
                    + " and credential = ?", s.status(), at, s.certificantId(), s.credential());
        } else if (fact instanceof ReminderFact.AuditDue d) {
            jdbc.update("insert into audit_deadline (audit_id, certificant_id, credential, due_on, open, updated_at)"
                            + " values (?, ?, ?, ?, true, ?) on conflict (audit_id) do update set"
                            + " due_on = excluded.due_on, open = true, updated_at = excluded.updated_at",
                    d.auditId(), d.certificantId(), d.credential(), d.dueOn(), at);
        } else if (fact instanceof ReminderFact.AuditDueMoved m) {
            jdbc.update("update audit_deadline set due_on = ?, open = true, updated_at = ? where audit_id = ?",
                    m.dueOn(), at, m.auditId());
        } else if (fact instanceof ReminderFact.AuditDone d) {
            jdbc.update("update audit_deadline set open = false, updated_at = ? where audit_id = ?", at, d.auditId());
        }
    }

    /** Certifications in {@code status} whose cycle ends between the two days (inclusive). */
    public List<CycleRow> cyclesEnding(String status, LocalDate from, LocalDate to) {
        return jdbc.list("select certificant_id, credential, cycle_end, status from certification_cycle"
                        + " where status = ? and cycle_end between ? and ? order by certificant_id, credential",
                row -> new CycleRow(row.getString(1), row.getString(2), Jdbc.date(row, "cycle_end"), row.getString(4)),
                status, from, to);
    }

    /** Open audits whose proof is due between the two days (inclusive). */
    public List<AuditRow> auditsDue(LocalDate from, LocalDate to) {
        return jdbc.list("select audit_id, certificant_id, credential, due_on from audit_deadline"
                        + " where open and due_on between ? and ? order by due_on, audit_id",
                row -> new AuditRow(Jdbc.uuid(row, "audit_id"), row.getString(2), row.getString(3),
                        Jdbc.date(row, "due_on")), from, to);
    }
}
