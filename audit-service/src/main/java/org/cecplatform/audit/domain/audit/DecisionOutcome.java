package org.cecplatform.audit.domain.audit;

/** What a review decides. */
public enum DecisionOutcome {
    PASSED,
    REMEDIATION,
    FAILED
}
