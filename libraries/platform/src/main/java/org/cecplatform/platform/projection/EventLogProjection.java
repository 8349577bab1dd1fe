package org.cecplatform.platform.projection;

import java.util.List;
import org.cecplatform.platform.outbox.StoredEvent;

/**
 * A projection of the service's own event log. The live tables are written in each command's transaction, with the
 * events the command appended; a rebuild feeds it the whole log, in log order.
 */
public interface EventLogProjection extends Projection {

    /**
     * Applies events (log order, each its latest version) to {@code tables} (the live tables or their shadows), in the
     * caller's transaction; events of types it does not project are ignored.
     */
    void apply(List<StoredEvent> events, ProjectionTables tables);
}
