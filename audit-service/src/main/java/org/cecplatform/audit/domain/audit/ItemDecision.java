package org.cecplatform.audit.domain.audit;

import java.util.UUID;

/** A reviewer's verdict on one item: accepted, or disallowed with a reason. */
public record ItemDecision(UUID itemId, Boolean accepted, String disallowedReason) {
}
