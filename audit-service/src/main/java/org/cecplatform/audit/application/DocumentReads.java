package org.cecplatform.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.DocumentAccess;
import org.cecplatform.audit.domain.audit.ProofDocument;
import org.cecplatform.audit.persistence.DocumentAccessLog;
import org.cecplatform.audit.persistence.DocumentChunks;
import org.cecplatform.audit.persistence.DocumentRepository;

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

    public DocumentReads(DocumentRepository documents, DocumentChunks chunks, DocumentAccessLog accessLog,
                         Clock clock) {
        this.documents = documents;
        this.chunks = chunks;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** The document's description, once its access is recorded; empty (and nothing recorded) when there is none. */
    @Transactional
    public Optional<ProofDocument> open(UUID auditId, UUID documentId, String who, String roles, Action action) {
        Optional<ProofDocument> document = documents.findInAudit(auditId, documentId);
        document.ifPresent(d -> accessLog.record(new DocumentAccess(documentId, who, roles, action.name(),
                clock.instant())));
        return document;
    }

    /** Streams the bytes a chunk at a time, each read on its own: no transaction is held open while they go out. */
    public void copyTo(UUID documentId, OutputStream out) throws IOException {
        chunks.copyTo(documentId, out);
    }

    /** Every recorded access, oldest first; empty when the audit has no such document. */
    @Transactional
    public Optional<List<DocumentAccess>> accesses(UUID auditId, UUID documentId) {
        return documents.findInAudit(auditId, documentId).map(d -> accessLog.of(documentId));
    }
}
