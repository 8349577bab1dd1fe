package org.cecplatform.ledger.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why staff void a credit. */
public record VoidRequest(@Schema(required = true, maxLength = 1000) String reason) {
}
