package org.cecplatform.audit.persistence;

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
    UUID accessId;
    UUID documentId;
    String accessedBy;
    String roles;
    String action;
    Instant accessedAt;

    protected DocumentAccessRow() {
    }

    DocumentAccess toAccess() {
        return new DocumentAccess(documentId, accessedBy, roles, action, accessedAt);
    }
}
