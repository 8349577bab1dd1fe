package org.cecplatform.ledger.domain;

/** How a credit reached the ledger. Credits posted by the integration systems are verified. */
public enum Source {
    CE_ONLINE(true),
    ANNUAL_MEETING(true),
    HEALTH_FITNESS_SUMMIT(true),
    WEBINAR(true),
    SELF_REPORTED(false),
    STAFF_ENTERED(false);

    private final boolean verified;

    Source(boolean verified) {
        this.verified = verified;
    }

    /** Verified credits never need proof in an audit. */
    public boolean verified() {
        return verified;
    }
}
