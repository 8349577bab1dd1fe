package org.cecplatform.audit.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.ProofDocument;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code audit_document}: what is known about an uploaded document (its bytes are in
 * {@link DocumentChunks}). Read only: {@link DocumentRepository} inserts and completes the rows by hand, between the
 * chunks it streams.
 */
@Entity
@Immutable
@Table(name = "audit_document")
public class DocumentRow {

    @Id
    @Column(name = "document_id")
    UUID documentId;
    @Column(name = "audit_id")
    UUID auditId;
    long size;
    String sha256;
    @Column(name = "content_type")
    String contentType;
    @Column(name = "original_name")
    String originalName;
    @Column(name = "uploaded_by")
    String uploadedBy;
    @Column(name = "uploaded_at")
    Instant uploadedAt;

    protected DocumentRow() {
    }

    ProofDocument toDocument() {
        return new ProofDocument(documentId, auditId, size, sha256, contentType, originalName, uploadedBy, uploadedAt);
    }
}
