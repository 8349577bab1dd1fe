package org.cecplatform.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Mints bearer tokens for tests, signed with the key {@link JwtTestResource} makes the service trust. */
public final class TestTokens {

    public static final String ISSUER = "cec-platform";

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
        return builder(role, subject, subject).jws().sign(TestKeys.privateKey());
    }

    /**
     * A token whose {@code upn} and {@code preferred_username} name someone else than its {@code sub}: the services
     * must know the caller by {@code sub} (MicroProfile JWT would take {@code upn} first as the principal's name).
     */
    public static String withUpn(String role, String subject, String upn) {
        return builder(role, subject, upn).preferredUserName(upn).jws().sign(TestKeys.privateKey());
    }

    /**
     * A staff member or auditor (any {@code role}) who is also a certificant: their certificant id is in the
     * {@code certificantId} claim.
     */
    public static String alsoCertificant(String role, String subject, String certificantId) {
        return builder(role, subject, subject).claim("certificantId", certificantId).jws()
                .sign(TestKeys.privateKey());
    }

    private static JwtClaimsBuilder builder(String role, String subject, String upn) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(upn)
                .groups(Set.of(role))
                .issuedAt(Instant.now())
                .expiresIn(Duration.ofHours(1))
                .claim("jti", UUID.randomUUID().toString());
    }

    /** A well-formed token signed by a key the service does not trust: must be 401. */
    public static String forged(String role, String subject) {
        return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(role))
                .expiresIn(Duration.ofHours(1)).jws().sign(ForgerKey.PRIVATE_KEY);
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
        String payload = base64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"upn\":\""
                + subject + "\",\"groups\":[\"" + role + "\"],\"exp\":" + exp + "}").getBytes());
        return header + "." + payload + ".";
    }

    /** A token that was valid once: for the 401 tests. */
    public static String expired(String role, String subject) {
        Instant issued = Instant.now().minus(Duration.ofHours(3));
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .groups(Set.of(role))
                .issuedAt(issued)
                .expiresAt(issued.plus(Duration.ofHours(1)))
                .jws()
                .sign(TestKeys.privateKey());
    }
}
