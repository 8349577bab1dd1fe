package org.cecplatform.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.cecplatform.testsupport.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** One audience for the platform and a maximum token age, with the shipped defaults, over real HTTP: 401 otherwise. */
@QuarkusTest
class TokenRulesTest {

    @ConfigProperty(name = "mp.jwt.verify.token.age")
    long maxAgeSeconds;

    @Test
    void onlyTokensForThePlatformsAudienceAreAccepted() {
        assertThat(status(TestTokens.staff())).as("aud cec-platform").isEqualTo(200);
        assertThat(status(TestTokens.forAudience("another-system", "staff", "staff-1"))).as("another audience")
                .isEqualTo(401);
        assertThat(status(TestTokens.forAudience(null, "staff", "staff-1"))).as("no aud claim").isEqualTo(401);
    }

    @Test
    void aTokenOlderThanTheMaximumAgeIsRefusedThoughItHasNotExpired() {
        assertThat(maxAgeSeconds).as("the documented default, JWT_MAX_AGE_SECONDS").isEqualTo(3600);
        Duration maxAge = Duration.ofSeconds(maxAgeSeconds);

        assertThat(status(TestTokens.issuedAgo(maxAge.minusMinutes(1), "staff", "staff-1"))).isEqualTo(200);
        assertThat(status(TestTokens.issuedAgo(maxAge.plusMinutes(1), "staff", "staff-1"))).isEqualTo(401);
    }

    private static int status(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/admin/jobs").then().extract().statusCode();
    }
}
