package org.cecplatform.console.application;

import java.time.Instant;
import java.util.List;

/** One page of a person's events in one service ({@code GET .../history}, the same answer in every service). */
public record HistoryPage(String certificantId, List<Event> events, int page, int size, long totalItems) {

    /** One event as the service describes it: who ({@code actor}, null when it names no one) and what, in a line. */
    public record Event(String eventId, Instant occurredAt, String type, boolean published, String actor,
                        String summary) {
    }
}
