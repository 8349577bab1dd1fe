package org.cecplatform.audit.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A row of the audit queue ({@code audit}), as the staff queries read it: the columns they filter and sort on, and the
 * whole state as JSON. Read only: {@link AuditTable} (the {@code audits} projection) writes the table.
 */
@Entity
@Immutable
@Table(name = "audit")
public class AuditRow {

    @Id
    @Column(name = "audit_id")
    UUID auditId;
    @Column(name = "renewal_id")
    UUID renewalId;
    @Column(name = "certificant_id")
    String certificantId;
    String credential;
    int year;
    String status;
    @Column(name = "selection_method")
    String selectionMethod;
    @Column(name = "opened_on")
    LocalDate openedOn;
    @Column(name = "next_deadline")
    LocalDate nextDeadline;
    long version;
    /** The audit's state as JSON text (a {@code jsonb} column, read as text). */
    String state;
    @Column(name = "updated_at")
    Instant updatedAt;

    protected AuditRow() {
    }
}
