package org.cecplatform.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.audit.persistence.DocumentAccessLog;
import org.cecplatform.audit.persistence.DocumentAccessLog.Access;
import org.cecplatform.audit.persistence.DocumentChunks;
import org.cecplatform.audit.persistence.DocumentRepository;
import org.cecplatform.audit.persistence.DocumentRepository.DocumentInfo;

/**
 * Reading a document: each view or download is recorded first (who, with which roles, when by the service's clock),
 * then the bytes are streamed from their chunks.
 */
@ApplicationScoped
public class DocumentReads {

    /** How the document was asked for: inline (shown in the browser) or as an attachment. */
    public enum Action { VIEW, DOWNLOAD }

    private final DocumentRepository documents;
    private final DocumentChunks chunks;
    private final DocumentAccessLog accessLog;
    private final Clock clock;

    public DocumentReads(DocumentRepository documents, DocumentChunks chunks, DocumentAccessLog accessLog, Clock clock) {
        this.documents = documents;
        this.chunks = chunks;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** The document's description, once its access is recorded; empty (and nothing recorded) when there is none. */
    public Optional<DocumentInfo> open(UUID auditId, UUID documentId, String who, String roles, Action action) {
        Optional<DocumentInfo> info = documents.find(auditId, documentId);
        info.ifPresent(d -> accessLog.record(new Access(documentId, who, roles, action.name(), clock.instant())));
        return info;
    }

    public void copyTo(UUID documentId, OutputStream out) throws IOException {
        chunks.copyTo(documentId, out);
    }

    /** Every recorded access, oldest first; empty when the audit has no such document. */
    public Optional<List<Access>> accesses(UUID auditId, UUID documentId) {
        return documents.find(auditId, documentId).map(d -> accessLog.of(documentId));
    }
}
