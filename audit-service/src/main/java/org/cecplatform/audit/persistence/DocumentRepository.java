package org.cecplatform.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Uploaded proof, bytes and all, in PostgreSQL. */
@ApplicationScoped
public class DocumentRepository {

    /** What is known about a document besides its bytes. */
    public record DocumentInfo(UUID documentId, UUID auditId, long size, String sha256, String contentType,
                               String originalName, String uploadedBy, Instant uploadedAt) {
    }

    public record DocumentContent(DocumentInfo info, byte[] bytes) {
    }

    private static final String INFO = "document_id, audit_id, size, sha256, content_type, original_name,"
            + " uploaded_by, uploaded_at";

    private final Db db;

    public DocumentRepository(Db db) {
        this.db = db;
    }

    public void insert(DocumentInfo info, byte[] bytes) {
        db.update("insert into audit_document (" + INFO + ", content) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
            s.setObject(1, info.documentId());
            s.setObject(2, info.auditId());
            s.setLong(3, info.size());
            s.setString(4, info.sha256());
            s.setString(5, info.contentType());
            s.setString(6, info.originalName());
            s.setString(7, info.uploadedBy());
            s.setTimestamp(8, Timestamp.from(info.uploadedAt()));
            s.setBytes(9, bytes);
        });
    }

    public List<DocumentInfo> ofAudit(UUID auditId) {
        return db.list("select " + INFO + " from audit_document where audit_id = ? order by uploaded_at, document_id",
                s -> s.setObject(1, auditId), DocumentRepository::info);
    }

    public Set<UUID> idsOfAudit(UUID auditId) {
        return new HashSet<>(db.list("select document_id from audit_document where audit_id = ?",
                s -> s.setObject(1, auditId), rs -> rs.getObject(1, UUID.class)));
    }

    public Optional<DocumentContent> content(UUID auditId, UUID documentId) {
        return db.one("select " + INFO + ", content from audit_document where audit_id = ? and document_id = ?", s -> {
            s.setObject(1, auditId);
            s.setObject(2, documentId);
        }, rs -> new DocumentContent(info(rs), rs.getBytes(9)));
    }

    private static DocumentInfo info(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new DocumentInfo(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant());
    }
}
