package org.cecplatform.systemtests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Tokens the services must refuse with 401: signed by a stranger's key, expired, for another audience or none, older
 * than the maximum age (all with the stack's key, named by its kid, so that only the one flaw refuses them), unsigned,
 * garbage.
 */
final class HostileTokens {

    static final String PLATFORM = "cec-platform";

    private final PrivateKey stackKey;
    private final String stackKid;
    private final PrivateKey strangerKey;

    HostileTokens(Path dataDir) throws Exception {
        String pem = Files.readString(dataDir.resolve("jwt/private-key.pem"), StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        this.stackKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        this.stackKid = thumbprint(stackKey);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.strangerKey = generator.generateKeyPair().getPrivate();
    }

    String forged(String role, String subject) throws Exception {
        return sign(strangerKey, role, subject, PLATFORM, 7200, 60);
    }

    String expired(String role, String subject) throws Exception {
        return sign(stackKey, role, subject, PLATFORM, 7200, -60);
    }

    /** {@code audience} null: no {@code aud} claim. */
    String forAudience(String audience, String role, String subject) throws Exception {
        return sign(stackKey, role, subject, audience, 0, 60);
    }

    /** Issued {@code age} ago, valid another hour. */
    String issuedAgo(Duration age, String role, String subject) throws Exception {
        return sign(stackKey, role, subject, PLATFORM, age.toSeconds(), 60);
    }

    static String unsigned(String role, String subject) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        long exp = System.currentTimeMillis() / 1000 + 3600;
        return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(("{\"iss\":\"cec-platform\",\"aud\":\"cec-platform\",\"sub\":\"" + subject
                + "\",\"upn\":\"" + subject + "\",\"groups\":[\"" + role + "\"],\"exp\":" + exp + "}")
                .getBytes(StandardCharsets.UTF_8)) + ".";
    }

    static String garbage() {
        return "not.a.jwt";
    }

    private String sign(PrivateKey key, String role, String subject, String audience, long issuedSecondsAgo,
                        int minutesFromNow) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("cec-platform");
        if (audience != null) {
            claims.setAudience(audience);
        }
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", List.of(role));
        claims.setIssuedAt(NumericDate.fromSeconds(now - issuedSecondsAgo));
        claims.setExpirationTime(NumericDate.fromSeconds(now + minutesFromNow * 60L));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKeyIdHeaderValue(stackKid);
        return jws.getCompactSerialization();
    }

    /** The stack's kid: the RFC 7638 thumbprint of the public key (local-stack's JwtKeys). */
    private static String thumbprint(PrivateKey key) throws Exception {
        RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        return new RsaJsonWebKey(publicKey).calculateBase64urlEncodedThumbprint("SHA-256");
    }
}
