package org.cecplatform.console.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The audit-service's audits, filtered, with the number in each status under the same level and year. */
@ApplicationScoped
public class AuditQueue {

    /** The audit statuses, in the order an audit moves through them. */
    public static final List<String> STATUSES = List.of("OPEN", "SUBMITTED", "REMEDIATION", "OVERDUE", "PASSED", "FAILED");
    static final int PAGE_SIZE = 100;

    /** One page of the queue and the counts per status. */
    public record View(List<AuditApi.Audit> audits, long totalItems, Map<String, Long> countsByStatus) {
    }

    private final AuditApi audits;

    public AuditQueue(@RestClient AuditApi audits) {
        this.audits = audits;
    }

    /** Null or blank filters are not applied. Throws {@link ServiceProblem} for a filter the service refuses. */
    public View list(String status, String level, Integer year) {
        AuditApi.AuditPage page = audits.audits(blankToNull(status), blankToNull(level), year, 0, PAGE_SIZE);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String s : STATUSES) {
            // a page of one is enough: the count is the page's totalItems
            counts.put(s, audits.audits(s, blankToNull(level), year, 0, 1).totalItems());
        }
        return new View(page.audits(), page.totalItems(), counts);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
