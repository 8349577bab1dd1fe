package org.cecplatform.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What is known about each uploaded document (its bytes are in {@link DocumentChunks}). */
@ApplicationScoped
public class DocumentRepository {

    /** What is known about a document besides its bytes. */
    public record DocumentInfo(UUID documentId, UUID auditId, long size, String sha256, String contentType,
                               String originalName, String uploadedBy, Instant uploadedAt) {
    }

    private static final String INFO = "document_id, audit_id, size, sha256, content_type, original_name,"
            + " uploaded_by, uploaded_at";

    private final Db db;

    public DocumentRepository(Db db) {
        this.db = db;
    }

    /** The row its chunks hang on; {@link #complete} sets the size and hash once they are written. */
    public void insert(DocumentInfo info) {
        db.update("insert into audit_document (" + INFO + ") values (?, ?, ?, ?, ?, ?, ?, ?)", s -> {
            s.setObject(1, info.documentId());
            s.setObject(2, info.auditId());
            s.setLong(3, info.size());
            s.setString(4, info.sha256());
            s.setString(5, info.contentType());
            s.setString(6, info.originalName());
            s.setString(7, info.uploadedBy());
            s.setTimestamp(8, Timestamp.from(info.uploadedAt()));
        });
    }

    public void complete(UUID documentId, long size, String sha256) {
        db.update("update audit_document set size = ?, sha256 = ? where document_id = ?", s -> {
            s.setLong(1, size);
            s.setString(2, sha256);
            s.setObject(3, documentId);
        });
    }

    public long countOfAudit(UUID auditId) {
        return db.one("select count(*) from audit_document where audit_id = ?", s -> s.setObject(1, auditId),
                rs -> rs.getLong(1)).orElse(0L);
    }

    public List<DocumentInfo> ofAudit(UUID auditId) {
        return db.list("select " + INFO + " from audit_document where audit_id = ? order by uploaded_at, document_id",
                s -> s.setObject(1, auditId), DocumentRepository::info);
    }

    public Set<UUID> idsOfAudit(UUID auditId) {
        return new HashSet<>(db.list("select document_id from audit_document where audit_id = ?",
                s -> s.setObject(1, auditId), rs -> rs.getObject(1, UUID.class)));
    }

    public Optional<DocumentInfo> find(UUID auditId, UUID documentId) {
        return db.one("select " + INFO + " from audit_document where audit_id = ? and document_id = ?", s -> {
            s.setObject(1, auditId);
            s.setObject(2, documentId);
        }, DocumentRepository::info);
    }

    private static DocumentInfo info(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new DocumentInfo(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant());
    }
}
