package org.cecplatform.audit.persistence;

/** Optional filters of the audit list; null means any. */
public record AuditFilter(String status, String credential, Integer year, String certificantId) {
}
