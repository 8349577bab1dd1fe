package org.cecplatform.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cecplatform.platform.persistence.Jdbc;

/**
 * The memory of an idempotent consumer. {@link #firstTime} inserts the (consumer, event) row first, in the same
 * transaction as the handler's writes: if the handler's work rolls back, so does the row; if the row exists, the
 * event was handled before and is skipped.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final Jdbc jdbc;

    public ProcessedEvents(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** True when this consumer has not handled this event before (and now records it as handled). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String consumer, String eventId) {
        return jdbc.update("insert into processed_event (consumer, event_id) values (?, ?) on conflict do nothing",
                consumer, eventId) == 1;
    }

    /**
     * {@link #firstTime} for a whole batch in one statement: element {@code i} of the answer is true when
     * {@code eventIds.get(i)} is new to this consumer and is its first occurrence in the list (a key repeated within
     * the batch is new once, as it would be one by one).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] firstTimeAll(String consumer, List<String> eventIds) {
        Set<String> inserted = new HashSet<>(jdbc.list("insert into processed_event (consumer, event_id)"
                        + " select ?, k from unnest(?::text[]) k on conflict do nothing returning event_id",
                rs -> rs.getString(1), consumer, eventIds.toArray(String[]::new)));
        boolean[] fresh = new boolean[eventIds.size()];
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = inserted.remove(eventIds.get(i));
        }
        return fresh;
    }
}
