package org.cecplatform.platform.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Arrays;

/** Who is calling, and the ownership rule: a certificant acts only on their own records. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The token's subject: a certificant id, or a staff member's / system's name. */
    public String subject() {
        return identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isCertificant() {
        return hasRole(Roles.CERTIFICANT) && !hasRole(Roles.STAFF) && !hasRole(Roles.AUDITOR);
    }

    /**
     * Allows the certificant themself, or anyone holding one of {@code roles}; anyone else gets 403. A certificant
     * naming someone else's id is refused even if the record does not exist, so ids cannot be probed.
     */
    public void requireSelfOr(String certificantId, String... roles) {
        if (Arrays.stream(roles).anyMatch(this::hasRole)) {
            return;
        }
        if (hasRole(Roles.CERTIFICANT) && subject().equals(certificantId)) {
            return;
        }
        throw new ForbiddenException("not allowed for " + certificantId);
    }

    /** Allows only the certificant themself (their own attestations), whatever other roles exist. */
    public void requireSelf(String certificantId) {
        if (!(hasRole(Roles.CERTIFICANT) && subject().equals(certificantId))) {
            throw new ForbiddenException("only the certificant may do this");
        }
    }
}
