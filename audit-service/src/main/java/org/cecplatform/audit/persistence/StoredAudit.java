package org.cecplatform.audit.persistence;

import org.cecplatform.audit.domain.audit.AuditState;

/** An audit as stored, with the sequence of its last event (its version, for optimistic concurrency). */
public record StoredAudit(AuditState state, long version) {
}
