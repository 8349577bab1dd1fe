package org.cecplatform.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.tika.Tika;
import org.cecplatform.audit.config.AuditConfig;
import org.cecplatform.audit.domain.audit.AuditStatus;
import org.cecplatform.audit.domain.audit.ProofChannel;
import org.cecplatform.audit.domain.audit.ProofDocument;
import org.cecplatform.audit.persistence.DocumentChunks;
import org.cecplatform.audit.persistence.DocumentRepository;
import org.cecplatform.platform.api.ProblemException;
import org.cecplatform.platform.persistence.ConflictRetry;

/**
 * Accepts proof documents: PDF, PNG or JPEG as their bytes say (never the name or the declared type), at most
 * 10 MB, not empty, at most 50 per audit (configurable); streamed from the upload's temporary file into the
 * database in chunks with their SHA-256 computed on the way, while the audit accepts proof.
 */
@ApplicationScoped
public class DocumentIntake {

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    public static final Set<String> ACCEPTED_TYPES = Set.of("application/pdf", "image/png", "image/jpeg");

    private final Tika tika = new Tika();
    private final AuditStore store;
    private final DocumentRepository documents;
    private final DocumentChunks chunks;
    private final Clock clock;
    private final int maxPerAudit;

    public DocumentIntake(AuditStore store, DocumentRepository documents, DocumentChunks chunks, Clock clock,
                          AuditConfig config) {
        this.store = store;
        this.documents = documents;
        this.chunks = chunks;
        this.clock = clock;
        this.maxPerAudit = config.documents().maxPerAudit();
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

    /** The type the file's first bytes show (Tika reads only its head). */
    public String sniff(Path file) {
        String type;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            type = tika.detect(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file", e);
        }
        if (!ACCEPTED_TYPES.contains(type)) {
            throw new ProblemException(415, "unsupported-document-type", "Unsupported document type",
                    "Documents must be PDF, PNG or JPEG; the content of this file is " + type + ".", List.of());
        }
        return type;
    }

    /**
     * Streams the file into the audit's documents in one transaction: the audit is locked first, so the count of
     * its documents cannot change between the check and the insert.
     */
    public ProofDocument store(UUID auditId, Path file, String contentType, String originalName, String uploadedBy,
                               ProofChannel receivedBy) {
        return ConflictRetry.inNewTransaction(() -> {
            Instant now = clock.instant();
            AuditStore.Loaded loaded = store.lock(auditId);
            AuditStatus status = loaded.audit().statusAt(now);
            if (!status.acceptsProof()) {
                throw ProblemException.conflict("not-accepting-proof",
                        "The audit is " + status + " and does not accept documents now.");
            }
            if (documents.countOfAudit(auditId) >= maxPerAudit) {
                throw ProblemException.conflict("too-many-documents", "An audit takes at most " + maxPerAudit
                        + " documents; this one has them all. Submit with the documents already uploaded.");
            }
            UUID documentId = UUID.randomUUID();
            documents.insert(new ProofDocument(documentId, auditId, 0, "", contentType, plainName(originalName),
                    uploadedBy, now, receivedBy));
            MessageDigest digest = sha256();
            long size;
            try (InputStream in = Files.newInputStream(file)) {
                size = chunks.write(documentId, in, digest);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the uploaded file", e);
            }
            check(size); // the file is what was stored, whatever its part declared
            String hash = HexFormat.of().formatHex(digest.digest());
            documents.complete(documentId, size, hash);
            return new ProofDocument(documentId, auditId, size, hash, contentType, plainName(originalName),
                    uploadedBy, now, receivedBy);
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
