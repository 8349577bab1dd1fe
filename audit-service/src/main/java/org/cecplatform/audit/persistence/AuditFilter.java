package org.cecplatform.audit.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Optional filters of the audit list; null means any. {@code dueBy} keeps the audits whose next deadline (proof due,
 * remediation due) falls on or before that day, missed ones included, and the overdue audits (their deadline was
 * missed; their next one is the later cure-by day).
 */
public record AuditFilter(String status, String credential, Integer year, String certificantId, LocalDate dueBy) {

    /** Every audit of the person. */
    public static AuditFilter ofCertificant(String certificantId) {
        return new AuditFilter(null, null, null, certificantId, null);
    }

    /** The same filter for every status: what the counts per status are taken over. */
    public AuditFilter anyStatus() {
        return new AuditFilter(null, credential, year, certificantId, dueBy);
    }

    /** The {@code where} clause on {@code audit} for the filters that are set; empty for none. */
    String where() {
        List<String> conditions = conditions().stream().map(Condition::sql).toList();
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** The values of {@link #where()}'s parameters, in its order. */
    Object[] parameters() {
        return conditions().stream().map(Condition::value).toArray();
    }

    private record Condition(String sql, Object value) {
    }

    /** The conditions this filter sets, in one order. */
    private List<Condition> conditions() {
        List<Condition> set = new ArrayList<>();
        if (status != null) {
            set.add(new Condition("status = ?", status));
        }
        if (credential != null) {
            set.add(new Condition("credential = ?", credential));
        }
        if (year != null) {
            set.add(new Condition("year = ?", year));
        }
        if (certificantId != null) {
            set.add(new Condition("certificant_id = ?", certificantId));
        }
        if (dueBy != null) {
            set.add(new Condition("(next_deadline <= ? or status = 'OVERDUE')", dueBy));
        }
        return set;
    }
}
