package org.cecplatform.notification.domain;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;

/**
 * The reminders' calendar: the policy zone (what "today" is), the last day of a grace period (in the year after the
 * cycle ended), and the offsets of each reminder.
 */
public record Reminders(ZoneId zone, MonthDay graceEnds, ReminderCalendar cycleEnd, ReminderCalendar graceEnd,
                        ReminderCalendar proofDue) {

    /** The last day of the grace period after a cycle that ended on {@code cycleEnd}. */
    public LocalDate graceEndAfter(LocalDate cycleEnd) {
        return graceEnds.atYear(cycleEnd.getYear() + 1);
    }
}
