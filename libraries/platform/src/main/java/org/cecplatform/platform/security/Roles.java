package org.cecplatform.platform.security;

/** The roles of a bearer token's {@code groups} claim. */
public final class Roles {
    /** A certified professional; the token's subject is their certificant id. Sees and changes only their own. */
    public static final String CERTIFICANT = "certificant";
    /** Certification staff: everything but a certificant's own attestations. */
    public static final String STAFF = "staff";
    /** Reads audits and documents, reviews and decides audits. */
    public static final String AUDITOR = "auditor";
    /** The learning and event systems posting on behalf of providers. */
    public static final String INTEGRATION = "integration";
    /**
     * The notification-service calling another service (its own client-credentials token): reads what a notice needs
     * (renewal-service's certifications, for the CECs still missing) and nothing else.
     */
    public static final String NOTIFIER = "notifier";

    private Roles() {
    }
}
