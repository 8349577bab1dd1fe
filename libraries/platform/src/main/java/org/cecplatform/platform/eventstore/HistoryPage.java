package org.cecplatform.platform.eventstore;

import java.util.List;

/** A page of a person's history in one service, oldest first, paged like every list. */
public record HistoryPage(String certificantId, List<HistoryEntry> events, int page, int size, long totalItems) {
}
