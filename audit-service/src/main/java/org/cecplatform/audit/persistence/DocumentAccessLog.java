package org.cecplatform.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.DocumentAccess;
import org.cecplatform.platform.persistence.Jdbc;

/** Who viewed or downloaded each document, and when ({@code audit_document_access}): appended, read by staff. */
@ApplicationScoped
public class DocumentAccessLog {

    private final Jdbc jdbc;

    public DocumentAccessLog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void record(DocumentAccess access) {
        jdbc.update("insert into audit_document_access (access_id, document_id, accessed_by, roles, action,"
                        + " accessed_at) values (?, ?, ?, ?, ?, ?)", UUID.randomUUID(), access.documentId(),
                access.accessedBy(), access.roles(), access.action(), access.accessedAt());
    }

    /** Oldest first. */
    public List<DocumentAccess> of(UUID documentId) {
        return jdbc.list("select document_id, accessed_by, roles, action, accessed_at from audit_document_access"
                        + " where document_id = ? order by accessed_at, access_id",
                rs -> new DocumentAccess(Jdbc.uuid(rs, "document_id"), rs.getString("accessed_by"),
                        rs.getString("roles"), rs.getString("action"), Jdbc.instant(rs, "accessed_at")),
                documentId);
    }
}
