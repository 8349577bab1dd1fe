package org.cecplatform.console.api;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in person as the pages show them: name and whether they may do staff-only actions. */
@RequestScoped
public class SignedIn {

    /** What the header says of someone the console does not serve (a certificant, say). */
    public static final String NO_ROLE = "no console role";

    private final SecurityIdentity identity;

    public SignedIn(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean isStaff() {
        return identity.hasRole(Roles.STAFF);
    }

    public String role() {
        return isStaff() ? Roles.STAFF : identity.hasRole(Roles.AUDITOR) ? Roles.AUDITOR : NO_ROLE;
    }
}
