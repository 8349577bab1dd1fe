package org.cecplatform.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The memory of an idempotent consumer. {@link #firstTime} inserts the (consumer, event) row first, in the same
 * transaction as the handler's writes: if the handler's work rolls back, so does the row; if the row exists, the
 * event was handled before and is skipped.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final DataSource dataSource;

    public ProcessedEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when this consumer has not handled this event before (and now records it as handled). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String consumer, String eventId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into processed_event (consumer, event_id)"
                     + " values (?, ?) on conflict do nothing")) {
            s.setString(1, consumer);
            s.setString(2, eventId);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record processed event " + eventId, e);
        }
    }

    /**
     * {@link #firstTime} for a whole batch in one statement: element {@code i} of the answer is true when
     * {@code eventIds.get(i)} is new to this consumer and is its first occurrence in the list (a key repeated within
     * the batch is new once, as it would be one by one).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] firstTimeAll(String consumer, List<String> eventIds) {
        Set<String> inserted = new HashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into processed_event (consumer, event_id)"
                     + " select ?, k from unnest(?::text[]) k on conflict do nothing returning event_id")) {
            s.setString(1, consumer);
            s.setArray(2, c.createArrayOf("text", eventIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record " + eventIds.size() + " processed events", e);
        }
        boolean[] fresh = new boolean[eventIds.size()];
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = inserted.remove(eventIds.get(i));
        }
        return fresh;
    }

    /** Forgets everything a consumer handled: the first step of rebuilding its projection. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forget(String consumer) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from processed_event where consumer = ?")) {
            s.setString(1, consumer);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not reset consumer " + consumer, e);
        }
    }
}
