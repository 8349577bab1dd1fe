package org.cecplatform.renewal.api;

import java.time.LocalDate;

/** Staff grant a certification after an exam; {@code certifiedOn} defaults to today in the policy zone. */
public record GrantRequest(String certificantId, String credential, LocalDate certifiedOn) {
}
