package org.cecplatform.platform.eventstore;

/**
 * A service's words for its own events: each service supplies one, in its {@code application} room, and
 * {@link PersonHistory} uses it for every entry of a person's history.
 */
@FunctionalInterface
public interface EventDescriber {

    /**
     * Who did it and what it was; an unknown type is {@link EventDescription#unknown}.
     */
    EventDescription describe(HistoryEvent event);
}
