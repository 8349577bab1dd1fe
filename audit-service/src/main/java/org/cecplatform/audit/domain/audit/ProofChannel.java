package org.cecplatform.audit.domain.audit;

/** How a proof document reached the audit. */
public enum ProofChannel {
    /** The person uploaded it themselves. */
    ONLINE,
    /** It arrived on paper by post; staff scanned and uploaded it on the person's behalf. */
    POST
}
