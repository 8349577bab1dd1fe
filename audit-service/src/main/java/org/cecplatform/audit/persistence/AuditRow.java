package org.cecplatform.audit.persistence;

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
    UUID auditId;
    UUID renewalId;
    String certificantId;
    String credential;
    int year;
    String status;
    String selectionMethod;
    LocalDate openedOn;
    LocalDate nextDeadline;
    long version;
    /** The audit's state as JSON text (a {@code jsonb} column, read as text). */
    String state;
    Instant updatedAt;

    protected AuditRow() {
    }
}
