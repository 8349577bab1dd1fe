package org.cecplatform.platform.projection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.cecplatform.platform.outbox.EventLog;
import org.cecplatform.platform.outbox.StoredEvent;

/**
 * How far a rebuild has read the event log: the last position passed and the positions passed without an event.
 * Positions are taken at append and become visible at commit, so a read can pass a position whose transaction is
 * still open; every later read asks for those again, in the same statement as the next events
 * ({@link EventLog#readAfter}), so an aggregate's events are folded in their order. A position whose transaction
 * rolled back stays in the set, asked for in vain: cheap, and never wrong.
 */
final class LogCursor {

    /** {@link EventLog#readAfter}: the late events that exist now, then the next ones, in one snapshot. */
    @FunctionalInterface
    interface Read {
        List<StoredEvent> readAfter(long position, Collection<Long> skipped, int limit);
    }

    private long after;
    private final TreeSet<Long> skipped;

    LogCursor() {
        this(0, new TreeSet<>());
    }

    private LogCursor(long after, TreeSet<Long> skipped) {
        this.after = after;
        this.skipped = skipped;
    }

    /** A cursor at the same place that moves on its own (a swap that may be tried again starts from here). */
    LogCursor copy() {
        return new LogCursor(after, new TreeSet<>(skipped));
    }

    /** The next events to fold, late ones first; empty once the log has nothing more that is visible. */
    List<StoredEvent> next(Read log, int limit) {
        List<StoredEvent> events = log.readAfter(after, skipped, limit);
        List<StoredEvent> fresh = new ArrayList<>(events.size());
        for (StoredEvent e : events) {
            if (e.position() <= after) {
                skipped.remove(e.position());
            } else {
                fresh.add(e);
            }
        }
        long expected = after + 1;
        for (StoredEvent e : fresh) {
            for (long p = expected; p < e.position(); p++) {
                skipped.add(p);
            }
            expected = e.position() + 1;
        }
        after = expected - 1;
        return events;
    }
}
