package org.cecplatform.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Mints bearer tokens for tests as the platform's identity provider does: issuer and audience {@code cec-platform},
 * issued now, valid an hour, signed with a key of the test JWKS ({@link TestJwks#FIRST_KEY} unless told otherwise)
 * and naming it in the {@code kid} header.
 */
public final class TestTokens {

    public static final String ISSUER = "cec-platform";
    public static final String AUDIENCE = "cec-platform";

    private TestTokens() {
    }

    public static String certificant(String certificantId) {
        return token("certificant", certificantId);
    }

    public static String staff() {
        return token("staff", "staff-1");
    }

    public static String auditor() {
        return token("auditor", "auditor-1");
    }

    public static String integration() {
        return token("integration", "integration-1");
    }

    public static String token(String role, String subject) {
        return sign(builder(role, subject, subject), TestJwks.FIRST_KEY);
    }

    /** A valid token signed with the key {@code kid} (which the JWKS may or may not publish). */
    public static String signedWith(String kid, String role, String subject) {
        return sign(builder(role, subject, subject), kid);
    }

    /** A token for another audience ({@code null}: without {@code aud}); otherwise valid. */
    public static String forAudience(String audience, String role, String subject) {
        JwtClaimsBuilder claims = builder(role, subject, subject);
        if (audience == null) {
            claims.remove("aud");
        } else {
            claims.audience(audience);
        }
        return sign(claims, TestJwks.FIRST_KEY);
    }

    /** A token issued {@code age} ago and valid for another hour from now: only its age can refuse it. */
    public static String issuedAgo(Duration age, String role, String subject) {
        return sign(builder(role, subject, subject).issuedAt(Instant.now().minus(age)).expiresIn(Duration.ofHours(1)),
                TestJwks.FIRST_KEY);
    }

    private static String sign(JwtClaimsBuilder claims, String kid) {
        return claims.jws().keyId(kid).sign(TestKeys.privateKey(kid));
    }

    /**
     * A token whose {@code upn} and {@code preferred_username} name someone else than its {@code sub}: the services
     * must know the caller by {@code sub} (MicroProfile JWT would take {@code upn} first as the principal's name).
     */
    public static String withUpn(String role, String subject, String upn) {
        return sign(builder(role, subject, upn).preferredUserName(upn), TestJwks.FIRST_KEY);
    }

    /**
     * A staff member or auditor (any {@code role}) who is also a certificant: their certificant id is in the
     * {@code certificantId} claim.
     */
    public static String alsoCertificant(String role, String subject, String certificantId) {
        return sign(builder(role, subject, subject).claim("certificantId", certificantId), TestJwks.FIRST_KEY);
    }

    private static JwtClaimsBuilder builder(String role, String subject, String upn) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .upn(upn)
                .groups(Set.of(role))
                .issuedAt(Instant.now())
                .expiresIn(Duration.ofHours(1))
                .claim("jti", UUID.randomUUID().toString());
    }

    /** A well-formed token naming a trusted key id but signed by a key the service does not trust: must be 401. */
    public static String forged(String role, String subject) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject).groups(Set.of(role))
                .issuedAt(Instant.now()).expiresIn(Duration.ofHours(1)).jws().keyId(TestJwks.FIRST_KEY)
                .sign(ForgerKey.PRIVATE_KEY);
    }

    /** Generated once: RSA key generation is slow. */
    private static final class ForgerKey {
        static final java.security.PrivateKey PRIVATE_KEY = generate();

        private static java.security.PrivateKey generate() {
            try {
                java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair().getPrivate();
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A token with {@code alg: none} and no signature: must be 401. */
    public static String unsigned(String role, String subject) {
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        long exp = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
        String payload = base64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE
                + "\",\"sub\":\"" + subject + "\",\"upn\":\""
                + subject + "\",\"groups\":[\"" + role + "\"],\"exp\":" + exp + "}").getBytes());
        return header + "." + payload + ".";
    }

    /** A token that was valid once: for the 401 tests. */
    public static String expired(String role, String subject) {
        Instant issued = Instant.now().minus(Duration.ofHours(3));
        return sign(Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .groups(Set.of(role))
                .issuedAt(issued)
                .expiresAt(issued.plus(Duration.ofHours(1))), TestJwks.FIRST_KEY);
    }
}
