package org.cecplatform.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
