package org.cecplatform.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens carry what the services check, and verify with the public key the services are given. */
class TokenMinterTest {

    @TempDir
    Path dir;

    @Test
    void aTokenVerifiesWithThePublicKeyAndCarriesRoleAndSubject() throws Exception {
        JwtKeys keys = new JwtKeys(dir.resolve("jwt"));
        String token = TokenMinter.using(keys).mint("certificant", "C-000042");

        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKey(publicKey(keys.publicKeyFile()))
                .setExpectedIssuer("cec-platform")
                .setRequireExpirationTime()
                .build()
                .processToClaims(token);

        assertThat(claims.getSubject()).isEqualTo("C-000042");
        assertThat(claims.getStringClaimValue("upn")).isEqualTo("C-000042");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("certificant");
        assertThat(claims.getJwtId()).isNotBlank();
        long validity = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertThat(validity).isEqualTo(Duration.ofHours(12).toSeconds());
    }

    @Test
    void theSubjectDefaultsToTheRole() throws Exception {
        String token = TokenMinter.using(new JwtKeys(dir.resolve("jwt"))).mint("staff", null);
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"sub\":\"staff\"");
    }

    private static PublicKey publicKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
