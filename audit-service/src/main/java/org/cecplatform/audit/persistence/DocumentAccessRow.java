package org.cecplatform.audit.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.DocumentAccess;
import org.hibernate.annotations.Immutable;

/** A row of {@code audit_document_access}: one view or download. Read only ({@link DocumentAccessLog} writes). */
@Entity
@Immutable
@Table(name = "audit_document_access")
public class DocumentAccessRow {

    @Id
    @Column(name = "access_id")
    UUID accessId;
    @Column(name = "document_id")
    UUID documentId;
    @Column(name = "accessed_by")
    String accessedBy;
    String roles;
    String action;
    @Column(name = "accessed_at")
    Instant accessedAt;

    protected DocumentAccessRow() {
    }

    DocumentAccess toAccess() {
        return new DocumentAccess(documentId, accessedBy, roles, action, accessedAt);
    }
}
