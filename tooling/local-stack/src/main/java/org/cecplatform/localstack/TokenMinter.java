package org.cecplatform.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Signs RS256 bearer tokens with the local stack's signing key, as the services expect them: the key's id in the
 * {@code kid} header (the services pick the key of their JWKS by it), {@code iss} and {@code aud} = cec-platform,
 * {@code sub} and {@code upn} = the subject, {@code groups=[role]}, {@code iat}, {@code exp}, a random {@code jti}, and
 * optionally {@code certificantId} (a staff member or auditor who is also a certificant). The services know the
 * caller by {@code sub}. Used by {@code deploy/token.sh} and by {@link LocalStackCluster#mintToken}.
 */
public final class TokenMinter {

    public static final String ISSUER = "cec-platform";
    public static final String AUDIENCE = "cec-platform";
    /** The roles the services know; {@link #mint} signs any role (tests may want an unknown one). */
    public static final List<String> ROLES = List.of("certificant", "staff", "auditor", "integration", "notifier");
    /**
     * A local token's validity, and so the stack's maximum token age (JWT_MAX_AGE_SECONDS of its services): a token
     * pasted in the morning works all day. Deployments keep the services' default of one hour.
     */
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(12);

    private final PrivateKey key;
    private final String keyId;

    private TokenMinter(PrivateKey key, String keyId) {
        this.key = key;
        this.keyId = keyId;
    }

    /** Generates the first key in {@code keys} if absent, then reads the signing key once. */
    static TokenMinter using(JwtKeys keys) throws IOException, GeneralSecurityException {
        keys.ensure();
        PrivateKey key = keys.privateKey();
        return new TokenMinter(key, JwtKeys.publicJwk(key).getKeyId());
    }

    /** A token valid for 12 hours; the subject defaults to the role name when null or blank. */
    public String mint(String role, String subject) {
        return mint(role, subject, DEFAULT_VALIDITY);
    }

    public String mint(String role, String subject, Duration validity) {
        return mint(role, subject, null, validity);
    }

    /**
     * A token whose caller is also the certificant {@code certificantId} (the {@code certificantId} claim; none when
     * null or blank): the audit-service then refuses them their own audit.
     */
    public String mint(String role, String subject, String certificantId, Duration validity) {
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("A token needs a role");
        }
        String user = subject == null || subject.isBlank() ? role : subject;
        JwtClaims claims = claims(role, user, validity);
        claims.setAudience(AUDIENCE);
        if (certificantId != null && !certificantId.isBlank()) {
            claims.setClaim("certificantId", certificantId);
        }
        return sign(claims);
    }

    /** The claims every local token carries (issuer, subject, role, times, id); the caller adds the audience. */
    static JwtClaims claims(String role, String user, Duration validity) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(user);
        claims.setClaim("upn", user);
        claims.setStringListClaim("groups", role);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(validity.toSeconds() / 60f);
        claims.setGeneratedJwtId();
        return claims;
    }

    /** Signs {@code claims} with the stack's key, its kid in the header. */
    String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKeyIdHeaderValue(keyId);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a token: " + e.getMessage(), e);
        }
    }

    /** For callers that cannot throw checked exceptions. */
    static TokenMinter usingUnchecked(JwtKeys keys) {
        try {
            return using(keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not read the JWT private key: " + e.getMessage(), e);
        }
    }
}
