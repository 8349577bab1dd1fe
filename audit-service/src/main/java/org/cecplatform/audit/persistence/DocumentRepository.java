package org.cecplatform.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.ProofChannel;
import org.cecplatform.audit.domain.audit.ProofDocument;
import org.cecplatform.platform.persistence.Jdbc;

/**
 * What is known about each uploaded document ({@code audit_document}; its bytes are in {@link DocumentChunks}). The
 * row is written before its chunks are streamed in and gets its size and hash after them, in the same transaction.
 */
@ApplicationScoped
public class DocumentRepository {

    private static final String COLUMNS = "document_id, audit_id, size, sha256, content_type, original_name,"
            + " uploaded_by, uploaded_at, received_by";

    private final Jdbc jdbc;

    public DocumentRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The row its chunks hang on; {@link #complete} sets the size and hash once they are written. */
    public void insert(ProofDocument document) {
        jdbc.update("insert into audit_document (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                document.documentId(), document.auditId(), document.size(), document.sha256(),
                document.contentType(), document.originalName(), document.uploadedBy(), document.uploadedAt(),
                document.receivedBy().name());
    }

    public void complete(UUID documentId, long size, String sha256) {
        jdbc.update("update audit_document set size = ?, sha256 = ? where document_id = ?", size, sha256, documentId);
    }

    public long countOfAudit(UUID auditId) {
        return jdbc.one("select count(*) from audit_document where audit_id = ?", rs -> rs.getLong(1), auditId)
                .orElseThrow();
    }

    /** The audit's documents, oldest upload first. */
    public List<ProofDocument> ofAudit(UUID auditId) {
        return jdbc.list("select " + COLUMNS + " from audit_document where audit_id = ?"
                + " order by uploaded_at, document_id", DocumentRepository::document, auditId);
    }

    /** The audit's documents uploaded before {@code until} (the service clock), oldest upload first. */
    public List<ProofDocument> ofAuditUploadedBefore(UUID auditId, Instant until) {
        return jdbc.list("select " + COLUMNS + " from audit_document where audit_id = ? and uploaded_at < ?"
                + " order by uploaded_at, document_id", DocumentRepository::document, auditId, until);
    }

    public Set<UUID> idsOfAudit(UUID auditId) {
        return new HashSet<>(jdbc.list("select document_id from audit_document where audit_id = ?",
                rs -> Jdbc.uuid(rs, "document_id"), auditId));
    }

    public Optional<ProofDocument> findInAudit(UUID auditId, UUID documentId) {
        return jdbc.one("select " + COLUMNS + " from audit_document where document_id = ? and audit_id = ?",
                DocumentRepository::document, documentId, auditId);
    }

    private static ProofDocument document(ResultSet rs) throws SQLException {
        return new ProofDocument(Jdbc.uuid(rs, "document_id"), Jdbc.uuid(rs, "audit_id"), rs.getLong("size"),
                rs.getString("sha256"), rs.getString("content_type"), rs.getString("original_name"),
                rs.getString("uploaded_by"), Jdbc.instant(rs, "uploaded_at"),
                ProofChannel.valueOf(rs.getString("received_by")));
    }
}
