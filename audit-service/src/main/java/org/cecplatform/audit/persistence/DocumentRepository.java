package org.cecplatform.audit.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.ProofDocument;
import org.cecplatform.platform.persistence.Jdbc;

/**
 * What is known about each uploaded document (its bytes are in {@link DocumentChunks}): read through
 * {@link DocumentRow}; written by hand, because the row must exist before its chunks are streamed in and gets its
 * size and hash after them, in the same transaction.
 */
@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<DocumentRow, UUID> {

    private final Jdbc jdbc;

    public DocumentRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The row its chunks hang on; {@link #complete} sets the size and hash once they are written. */
    public void insert(ProofDocument document) {
        jdbc.update("insert into audit_document (document_id, audit_id, size, sha256, content_type, original_name,"
                        + " uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                document.documentId(), document.auditId(), document.size(), document.sha256(),
                document.contentType(), document.originalName(), document.uploadedBy(), document.uploadedAt());
    }

    public void complete(UUID documentId, long size, String sha256) {
        jdbc.update("update audit_document set size = ?, sha256 = ? where document_id = ?", size, sha256, documentId);
    }

    public long countOfAudit(UUID auditId) {
        return count("auditId", auditId);
    }

    /** The audit's documents, oldest upload first. */
    public List<ProofDocument> ofAudit(UUID auditId) {
        return find("auditId", Sort.by("uploadedAt").and("documentId"), auditId).list().stream()
                .map(DocumentRow::toDocument).toList();
    }

    public Set<UUID> idsOfAudit(UUID auditId) {
        return new HashSet<>(getEntityManager().createQuery(
                        "select d.documentId from DocumentRow d where d.auditId = ?1", UUID.class)
                .setParameter(1, auditId).getResultList());
    }

    public Optional<ProofDocument> findInAudit(UUID auditId, UUID documentId) {
        return find("documentId = ?1 and auditId = ?2", documentId, auditId).firstResultOptional()
                .map(DocumentRow::toDocument);
    }
}
