package org.cecplatform.audit.persistence;

/** How the audit list is ordered. */
public enum AuditOrder {

    /** Newest first (opened latest). */
    NEWEST(" order by opened_on desc, audit_id"),
    /**
     * Soonest due first, overdue audits before all others (their next deadline is the later cure-by day); audits with
     * no deadline pending (submitted, closed) last.
     */
    DUE(" order by status = 'OVERDUE' desc, next_deadline nulls last, opened_on desc, audit_id");

    private final String sql;

    AuditOrder(String sql) {
        this.sql = sql;
    }

    String sql() {
        return sql;
    }
}
