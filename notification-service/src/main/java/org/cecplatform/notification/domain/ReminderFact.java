package org.cecplatform.notification.domain;

import java.time.LocalDate;
import java.util.UUID;

/** What an event tells the reminders: a cycle, a status, an audit's due date, or the end of an audit's deadline. */
public sealed interface ReminderFact {

    /** A certification's cycle (granted, renewed, reinstated): ACTIVE from {@code cycleStart} to {@code cycleEnd}. */
    record Cycle(String certificantId, String credential, LocalDate cycleStart, LocalDate cycleEnd)
            implements ReminderFact {
    }

    /** A certification's new status (GRACE, LAPSED, INACTIVE, ACTIVE, REVOKED ...). */
    record Status(String certificantId, String credential, String status) implements ReminderFact {
    }

    /** An audit whose proof is due on {@code dueOn} (opened). */
    record AuditDue(UUID auditId, String certificantId, String credential, LocalDate dueOn) implements ReminderFact {
    }

    /** A known audit's new due date (an extension, or remediation asked for): its reminders follow it. */
    record AuditDueMoved(UUID auditId, LocalDate dueOn) implements ReminderFact {
    }

    /** An audit that no longer waits for proof (submitted, overdue, closed). */
    record AuditDone(UUID auditId) implements ReminderFact {
    }
}
