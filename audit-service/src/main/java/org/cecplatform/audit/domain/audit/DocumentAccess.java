package org.cecplatform.audit.domain.audit;

import java.time.Instant;
import java.util.UUID;

/** One view or download of a proof document: who, with which roles, how ({@code action}) and when. */
public record DocumentAccess(UUID documentId, String accessedBy, String roles, String action, Instant accessedAt) {
}
