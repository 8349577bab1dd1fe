package org.cecplatform.renewal.domain;

/** Where a renewal request stands: waiting for its payment, renewed, or expired unpaid (which changed nothing). */
public enum RenewalStatus {
    PENDING, COMPLETED, EXPIRED
}
