package org.cecplatform.console.application;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The audit-service's audits, filtered and sorted by due date, with the number in each status under the same filters. */
@ApplicationScoped
public class AuditQueue {

    /** The audit statuses, in the order an audit moves through them. */
    public static final List<String> STATUSES = List.of("OPEN", "SUBMITTED", "REMEDIATION", "OVERDUE", "PASSED", "FAILED");
    static final int PAGE_SIZE = 100;

    /** The queue's filters; null or blank: not applied. */
    public record Filter(String status, String level, Integer year, Integer dueWithin) {
    }

    /** One row: the audit and whether its deadline was missed (on the service's today). */
    public record Row(AuditApi.Audit audit, boolean overdue) {
    }

    /** One page of the queue (overdue first, then soonest due) and the counts per status. */
    public record View(List<Row> audits, long totalItems, LocalDate today, Map<String, Long> countsByStatus) {
    }

    private final AuditApi audits;

    public AuditQueue(@RestClient AuditApi audits) {
        this.audits = audits;
    }

    /** Throws {@link ServiceProblem} for a filter the service refuses. */
    public View list(Filter filter) {
        AuditApi.AuditPage page = audits.audits(blankToNull(filter.status()), blankToNull(filter.level()),
                filter.year(), filter.dueWithin(), "dueOn", 0, PAGE_SIZE);
        Map<String, Long> counts = new LinkedHashMap<>();
        STATUSES.forEach(s -> counts.put(s, page.countsByStatus().getOrDefault(s, 0L)));
        List<Row> rows = page.audits().stream().map(a -> new Row(a, overdue(a, page.today()))).toList();
        return new View(rows, page.totalItems(), page.today(), counts);
    }

    /** Overdue: marked so by the service, or open with its deadline gone by before the sweep came round. */
    static boolean overdue(AuditApi.Audit audit, LocalDate today) {
        return "OVERDUE".equals(audit.status()) || (audit.dueOn() != null && audit.dueOn().isBefore(today));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
