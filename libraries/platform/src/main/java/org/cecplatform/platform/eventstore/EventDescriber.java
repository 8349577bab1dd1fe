package org.cecplatform.platform.eventstore;

import org.cecplatform.platform.outbox.StoredEvent;

/**
 * A service's words for its own events: each service supplies one, in its {@code application} room, and
 * {@link PersonHistory} uses it for every entry of a person's history.
 */
@FunctionalInterface
public interface EventDescriber {

    /**
     * Who did it and what it was. {@code event} is read as its latest version (upcast); an unknown type is
     * {@link EventDescription#unknown}.
     */
    EventDescription describe(StoredEvent event);
}
