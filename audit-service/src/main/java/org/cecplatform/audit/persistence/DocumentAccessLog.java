package org.cecplatform.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Who viewed or downloaded each document, and when ({@code audit_document_access}). */
@ApplicationScoped
public class DocumentAccessLog {

    public record Access(UUID documentId, String accessedBy, String roles, String action, Instant accessedAt) {
    }

    private final Db db;

    public DocumentAccessLog(Db db) {
        this.db = db;
    }

    public void record(Access access) {
        db.update("insert into audit_document_access (access_id, document_id, accessed_by, roles, action, accessed_at)"
                + " values (?, ?, ?, ?, ?, ?)", s -> {
                    s.setObject(1, UUID.randomUUID());
                    s.setObject(2, access.documentId());
                    s.setString(3, access.accessedBy());
                    s.setString(4, access.roles());
                    s.setString(5, access.action());
                    s.setTimestamp(6, Timestamp.from(access.accessedAt()));
                });
    }

    /** Oldest first. */
    public List<Access> of(UUID documentId) {
        return db.list("select document_id, accessed_by, roles, action, accessed_at from audit_document_access"
                        + " where document_id = ? order by accessed_at, access_id", s -> s.setObject(1, documentId),
                rs -> new Access(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()));
    }
}
