package org.cecplatform.notification.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Which reminder is due for a deadline: the smallest offset (days before) that the days left have reached. When the
 * job did not run for a while (or the clock jumped), only the nearest reminder is sent, not every one it missed; a
 * deadline already past gets none.
 */
public record ReminderCalendar(List<Integer> offsetsInDays) {

    public ReminderCalendar {
        if (offsetsInDays.isEmpty() || offsetsInDays.stream().anyMatch(d -> d == null || d < 1)) {
            throw new IllegalArgumentException("reminder offsets must be whole days, 1 or more: " + offsetsInDays);
        }
        offsetsInDays = offsetsInDays.stream().sorted().distinct().toList();
    }

    /** The offset whose reminder is due on {@code today} for {@code deadline}; empty when none. */
    public Optional<Integer> due(LocalDate today, LocalDate deadline) {
        long left = ChronoUnit.DAYS.between(today, deadline);
        if (left < 0) {
            return Optional.empty();
        }
        return offsetsInDays.stream().filter(offset -> left <= offset).findFirst();
    }

    /** The widest offset: deadlines further than this need no look yet. */
    public int furthest() {
        return offsetsInDays.get(offsetsInDays.size() - 1);
    }
}
