package org.cecplatform.audit.domain.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * What is known about a proof document uploaded to an audit besides its bytes. {@code originalName} is kept as text
 * for people to read, never used as a path. {@code uploadedBy} is who uploaded it (staff, for proof received by post).
 */
public record ProofDocument(UUID documentId, UUID auditId, long size, String sha256, String contentType,
                            String originalName, String uploadedBy, Instant uploadedAt, ProofChannel receivedBy) {
}
