package org.cecplatform.console.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A person's history across the ledger-, renewal- and audit-service: each service's events merged by time, oldest
 * first, shown a page at a time. Each service's whole history is read (500 events a call, at most
 * {@link #MOST_PER_SERVICE}) because a page of the merge can hold events from anywhere in each service's list.
 */
@ApplicationScoped
public class PersonTimeline {

    static final int PAGE_SIZE = 50;
    static final int FETCH_SIZE = 500;
    static final int MOST_PER_SERVICE = 5_000;

    /** One event of the timeline: which service recorded it, when, what, who. */
    public record Entry(String service, Instant occurredAt, String type, boolean published, String actor,
                        String summary) {

        public String when() {
            return UtcTime.shown(occurredAt);
        }
    }

    /**
     * One page of the merged timeline; {@code incomplete} when a service held more events than were read.
     */
    public record View(String certificantId, List<Entry> entries, int page, long total, boolean incomplete) {

        public long first() {
            return entries.isEmpty() ? 0 : (long) page * PAGE_SIZE + 1;
        }

        public long last() {
            return (long) page * PAGE_SIZE + entries.size();
        }

        public int earlierPage() {
            return page - 1;
        }

        public int laterPage() {
            return page + 1;
        }

        public boolean hasEarlier() {
            return page > 0;
        }

        public boolean hasLater() {
            return last() < total;
        }
    }

    private final LedgerApi ledger;
    private final RenewalApi renewal;
    private final PersonAuditsApi audits;

    public PersonTimeline(@RestClient LedgerApi ledger, @RestClient RenewalApi renewal,
                          @RestClient PersonAuditsApi audits) {
        this.ledger = ledger;
        this.renewal = renewal;
        this.audits = audits;
    }

    /** Page {@code page} (from 0) of the merged timeline. Throws {@link ServiceProblem} when a service refuses. */
    public View page(String certificantId, int page) {
        Map<String, Read> byService = new LinkedHashMap<>();
        byService.put("ledger", readAll(p -> ledger.history(certificantId, p, FETCH_SIZE)));
        byService.put("renewal", readAll(p -> renewal.history(certificantId, p, FETCH_SIZE)));
        byService.put("audit", readAll(p -> audits.history(certificantId, p, FETCH_SIZE)));
        List<Entry> merged = merge(byService);
        boolean incomplete = byService.values().stream().anyMatch(r -> r.events().size() < r.total());
        int from = Math.min(Math.max(page, 0) * PAGE_SIZE, merged.size());
        return new View(certificantId, merged.subList(from, Math.min(from + PAGE_SIZE, merged.size())),
                Math.max(page, 0), merged.size(), incomplete);
    }

    /** What was read of one service's history, and how many events it holds. */
    record Read(List<HistoryPage.Event> events, long total) {
    }

    static Read readAll(IntFunction<HistoryPage> pageOf) {
        List<HistoryPage.Event> events = new ArrayList<>();
        long total;
        int page = 0;
        do {
            HistoryPage read = pageOf.apply(page++);
            events.addAll(read.events());
            total = read.totalItems();
            if (read.events().isEmpty()) {
                break;
            }
        } while (events.size() < total && events.size() < MOST_PER_SERVICE);
        return new Read(events, total);
    }

    /** Every service's events in one list by time, oldest first; at the same instant, in the services' order. */
    static List<Entry> merge(Map<String, Read> byService) {
        List<Entry> merged = new ArrayList<>();
        byService.forEach((service, read) -> read.events().forEach(e -> merged.add(
                new Entry(service, e.occurredAt(), e.type(), e.published(), e.actor(), e.summary()))));
        merged.sort(Comparator.comparing(Entry::occurredAt)); // stable: a service's own order holds at equal times
        return merged;
    }
}
