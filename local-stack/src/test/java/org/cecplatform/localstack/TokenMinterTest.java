package org.cecplatform.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
import picocli.CommandLine;

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

    @Test
    void withoutACertificantIdTheTokenHasNoSuchClaim() throws Exception {
        JwtKeys keys = new JwtKeys(dir.resolve("jwt"));
        JwtClaims claims = verify(keys, TokenMinter.using(keys).mint("staff", "alice"));
        assertThat(claims.hasClaim("certificantId")).isFalse();
    }

    @Test
    void aStaffMemberWhoIsAlsoACertificantCarriesTheCertificantIdClaim() throws Exception {
        JwtKeys keys = new JwtKeys(dir.resolve("jwt"));
        String token = TokenMinter.using(keys).mint("auditor", "bob", "C-000042", Duration.ofHours(1));

        JwtClaims claims = verify(keys, token);
        assertThat(claims.getSubject()).isEqualTo("bob");
        assertThat(claims.getStringClaimValue("certificantId")).isEqualTo("C-000042");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("auditor");
    }

    @Test
    void theTokenCommandTakesAnOptionalCertificantId() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new LocalStack()).execute("token", "--data-dir", dir.toString(), "--role", "staff",
                    "--subject", "carol", "--certificant-id", "C-000077");
        } finally {
            System.setOut(original);
        }
        assertThat(exit).isZero();
        JwtClaims claims = verify(new JwtKeys(dir.resolve("jwt")), printed.toString(StandardCharsets.UTF_8).strip());
        assertThat(claims.getSubject()).isEqualTo("carol");
        assertThat(claims.getStringClaimValue("certificantId")).isEqualTo("C-000077");
        assertThat(new CommandLine(new LocalStack()).getSubcommands().get("token").getUsageMessage())
                .contains("--certificant-id");
    }

    private static JwtClaims verify(JwtKeys keys, String token) throws Exception {
        return new JwtConsumerBuilder()
                .setVerificationKey(publicKey(keys.publicKeyFile()))
                .setExpectedIssuer("cec-platform")
                .setRequireExpirationTime()
                .build()
                .processToClaims(token);
    }

    private static PublicKey publicKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
