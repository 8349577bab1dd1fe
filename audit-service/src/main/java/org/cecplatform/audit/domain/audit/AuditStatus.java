package org.cecplatform.audit.domain.audit;

/** Where an audit stands. PASSED and FAILED are final. */
public enum AuditStatus {
    /** Proof requested; due by {@code proofDueOn}. */
    OPEN,
    /** The detailed form was submitted; waiting for review. */
    SUBMITTED,
    /** Some CECs were disallowed; further items are due by {@code remediationDueOn}. */
    REMEDIATION,
    /** Nothing arrived by the deadline; the certification is INACTIVE until cured, at the latest by {@code cureBy}. */
    OVERDUE,
    PASSED,
    FAILED;

    public boolean isFinal() {
        return this == PASSED || this == FAILED;
    }

    /** Whether the person may still upload documents and submit items. */
    public boolean acceptsProof() {
        return this == OPEN || this == REMEDIATION || this == OVERDUE;
    }
}
