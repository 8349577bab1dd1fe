package org.cecplatform.systemtests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/** Tokens the services must refuse with 401: signed by a stranger's key, expired (the stack's key), unsigned, garbage. */
final class HostileTokens {

    private final PrivateKey stackKey;
    private final PrivateKey strangerKey;

    HostileTokens(Path dataDir) throws Exception {
        String pem = Files.readString(dataDir.resolve("jwt/private-key.pem"), StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        this.stackKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.strangerKey = generator.generateKeyPair().getPrivate();
    }

    String forged(String role, String subject) throws Exception {
        return sign(strangerKey, role, subject, 60);
    }

    String expired(String role, String subject) throws Exception {
        return sign(stackKey, role, subject, -60);
    }

    static String unsigned(String role, String subject) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        long exp = System.currentTimeMillis() / 1000 + 3600;
        return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(("{\"iss\":\"cec-platform\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                + "\",\"groups\":[\"" + role + "\"],\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8)) + ".";
    }

    static String garbage() {
        return "not.a.jwt";
    }

    private static String sign(PrivateKey key, String role, String subject, int minutesFromNow) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("cec-platform");
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", List.of(role));
        claims.setIssuedAt(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 - 7200));
        claims.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + minutesFromNow * 60L));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        return jws.getCompactSerialization();
    }
}
