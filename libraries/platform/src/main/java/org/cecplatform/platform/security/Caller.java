package org.cecplatform.platform.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.security.Principal;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, and the ownership rule: a certificant acts only on their own records. The caller is the token's
 * {@code sub} claim, never {@code upn} or {@code preferred_username} (which MicroProfile JWT would take first as the
 * principal's name): a certificant's {@code sub} is their certificant id, and {@code sub} is what every record of who
 * did something keeps.
 */
@RequestScoped
public class Caller {

    /** The claim that carries the certificant id of a staff member or auditor who is also a certificant. */
    public static final String CERTIFICANT_ID_CLAIM = "certificantId";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The token's subject ({@code sub}): a certificant id, or a staff member's / system's id. */
    public String subject() {
        return subjectOf(identity);
    }

    /**
     * The certificant this caller is, if any: the {@code certificantId} claim when the token carries one (a staff
     * member or auditor who is also a certificant), else the subject when the caller has the certificant role.
     */
    public Optional<String> certificantId() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(CERTIFICANT_ID_CLAIM);
            String text = claim == null ? null : claimText(claim);
            if (text != null && !text.isBlank()) {
                return Optional.of(text);
            }
        }
        return hasRole(Roles.CERTIFICANT) ? Optional.ofNullable(subject()) : Optional.empty();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /**
     * Allows the certificant themself, or anyone holding one of {@code roles}; anyone else gets 403. A certificant
     * naming someone else's id is refused even if the record does not exist, so ids cannot be probed.
     */
    public void requireSelfOr(String certificantId, String... roles) {
        if (Arrays.stream(roles).anyMatch(this::hasRole)) {
            return;
        }
        if (isSelf(certificantId)) {
            return;
        }
        throw new ForbiddenException("not allowed for " + certificantId);
    }

    /** Allows only the certificant themself (their own attestations), whatever other roles exist. */
    public void requireSelf(String certificantId) {
        if (!isSelf(certificantId)) {
            throw new ForbiddenException("only the certificant may do this");
        }
    }

    private boolean isSelf(String certificantId) {
        return hasRole(Roles.CERTIFICANT) && certificantId != null && certificantId.equals(subject());
    }

    /**
     * The {@code sub} claim of a token's identity. Only a principal that is not a token (none in production: every
     * caller comes with a bearer JWT) falls back to the principal's name.
     */
    public static String subjectOf(SecurityIdentity identity) {
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt) {
            return jwt.getSubject();
        }
        return principal == null ? null : principal.getName();
    }

    private static String claimText(Object claim) {
        // smallrye-jwt hands string claims over as JsonString; toString() of that is quoted.
        if (claim instanceof jakarta.json.JsonString json) {
            return json.getString();
        }
        return claim instanceof String s ? s : null;
    }
}
