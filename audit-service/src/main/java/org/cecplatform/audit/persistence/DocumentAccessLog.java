package org.cecplatform.audit.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.DocumentAccess;
import org.cecplatform.platform.persistence.Jdbc;

/** Who viewed or downloaded each document, and when ({@code audit_document_access}): appended, read by staff. */
@ApplicationScoped
public class DocumentAccessLog implements PanacheRepositoryBase<DocumentAccessRow, UUID> {

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
        return find("documentId", Sort.by("accessedAt").and("accessId"), documentId).list().stream()
                .map(DocumentAccessRow::toAccess).toList();
    }
}
