package org.cecplatform.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Tokens carry what the services check, and verify with the JWKS the services are given. */
class TokenMinterTest {

    @TempDir
    Path dir;

    @Test
    void aTokenVerifiesWithThePublicKeyAndCarriesRoleAndSubject() throws Exception {
        JwtKeys keys = new JwtKeys(dir.resolve("jwt"));
        String token = TokenMinter.using(keys).mint("certificant", "C-000042");

        JwtClaims claims = verify(keys, token);

        assertThat(claims.getSubject()).isEqualTo("C-000042");
        assertThat(claims.getAudience()).containsExactly("cec-platform");
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

    @Test
    void aTokenNamesTheSigningKeyAndFollowsARotation() throws Exception {
        JwtKeys keys = new JwtKeys(dir.resolve("jwt"));
        String before = TokenMinter.using(keys).mint("staff", "alice");
        String newKid = keys.rotate();
        String after = TokenMinter.using(keys).mint("staff", "alice");

        assertThat(kid(after)).isEqualTo(newKid).isNotEqualTo(kid(before));
        assertThat(verify(keys, before).getSubject()).as("the old key stays published").isEqualTo("alice");
        assertThat(verify(keys, after).getSubject()).isEqualTo("alice");

        keys.retire();
        assertThatThrownBy(() -> verify(keys, before)).as("its key is no longer in the JWKS")
                .isInstanceOf(InvalidJwtException.class);
        assertThat(verify(keys, after).getSubject()).isEqualTo("alice");
    }

    /** As the services verify: the key named by the token's kid in the JWKS, issuer and audience cec-platform. */
    private static JwtClaims verify(JwtKeys keys, String token) throws Exception {
        JsonWebKeySet jwks = new JsonWebKeySet(Files.readString(keys.jwksFile()));
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
                .setExpectedIssuer("cec-platform")
                .setExpectedAudience("cec-platform")
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .build()
                .processToClaims(token);
    }

    private static String kid(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }
}
