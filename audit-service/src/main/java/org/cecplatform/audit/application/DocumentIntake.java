package org.cecplatform.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.tika.Tika;
import org.cecplatform.audit.domain.audit.AuditStatus;
import org.cecplatform.audit.persistence.DocumentRepository;
import org.cecplatform.audit.persistence.DocumentRepository.DocumentInfo;
import org.cecplatform.platform.api.ProblemException;
import org.cecplatform.platform.outbox.Transactions;

/**
 * Accepts proof documents: PDF, PNG or JPEG as their bytes say (never the name or the declared type), at most
 * 10 MB, not empty; stored in the database with their SHA-256, while the audit accepts proof.
 */
@ApplicationScoped
public class DocumentIntake {

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    public static final Set<String> ACCEPTED_TYPES = Set.of("application/pdf", "image/png", "image/jpeg");

    private final Tika tika = new Tika();
    private final AuditStore store;
    private final DocumentRepository documents;
    private final Clock clock;

    public DocumentIntake(AuditStore store, DocumentRepository documents, Clock clock) {
        this.store = store;
        this.documents = documents;
        this.clock = clock;
    }

    /** Checks the bytes before anything is stored: 422 when empty, 413 when too large, 415 when of another type. */
    public void check(long size) {
        if (size == 0) {
            throw ProblemException.invalid("file", "the file is empty");
        }
        if (size > MAX_BYTES) {
            throw new ProblemException(413, "document-too-large", "Document too large",
                    "A document may have at most 10 MB (" + MAX_BYTES + " bytes); this one has " + size + ".",
                    List.of());
        }
    }

    public String sniff(byte[] bytes) {
        String type = tika.detect(bytes);
        if (!ACCEPTED_TYPES.contains(type)) {
            throw new ProblemException(415, "unsupported-document-type", "Unsupported document type",
                    "Documents must be PDF, PNG or JPEG; the content of this file is " + type + ".", List.of());
        }
        return type;
    }

    public DocumentInfo store(UUID auditId, byte[] bytes, String contentType, String originalName,
                              String uploadedBy) {
        return Transactions.withRetry(() -> {
            Instant now = clock.instant();
            AuditStore.Loaded loaded = store.lock(auditId);
            AuditStatus status = loaded.audit().statusAt(now);
            if (!status.acceptsProof()) {
                throw ProblemException.conflict("not-accepting-proof",
                        "The audit is " + status + " and does not accept documents now.");
            }
            DocumentInfo info = new DocumentInfo(UUID.randomUUID(), auditId, bytes.length, sha256(bytes), contentType,
                    plainName(originalName), uploadedBy, now);
            documents.insert(info, bytes);
            return info;
        });
    }

    /** The original name is kept as text for people to read; control characters are dropped, length capped. */
    static String plainName(String name) {
        if (name == null) {
            return null;
        }
        String plain = name.replaceAll("\\p{Cntrl}", "").strip();
        return plain.isEmpty() ? null : plain.substring(0, Math.min(plain.length(), 255));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
