package org.cecplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.systemtests.SystemUnderTest.STAFF;

import java.time.Duration;

import org.cecplatform.localstack.PlatformService;
import org.cecplatform.localstack.TokenMinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The packaged services verify tokens against the stack's JWKS over HTTP: one audience, a maximum age, and a key
 * rotated in while they run. (Removal is bounded by minutes here, JWKS max-age plus the services' keep-for; the
 * platform's KeyRotationTest plays it in seconds.)
 */
@SystemTest
class TokenSystemTest {

    @ParameterizedTest
    @EnumSource(PlatformService.class)
    void aTokenForAnotherAudienceOrNoneIsRefused(PlatformService service, SystemUnderTest sut) throws Exception {
        HostileTokens tokens = new HostileTokens(sut.cluster().dataDir());
        assertThat(status(sut, service, tokens.forAudience(HostileTokens.PLATFORM, STAFF, "alice"))).isEqualTo(200);
        assertThat(status(sut, service, tokens.forAudience("another-system", STAFF, "alice"))).isEqualTo(401);
        assertThat(status(sut, service, tokens.forAudience(null, STAFF, "alice"))).isEqualTo(401);
    }

    @ParameterizedTest
    @EnumSource(PlatformService.class)
    void aTokenOlderThanTheMaximumAgeIsRefused(PlatformService service, SystemUnderTest sut) throws Exception {
        HostileTokens tokens = new HostileTokens(sut.cluster().dataDir());
        Duration maxAge = TokenMinter.DEFAULT_VALIDITY; // the stack's JWT_MAX_AGE_SECONDS
        assertThat(status(sut, service, tokens.issuedAgo(maxAge.minusMinutes(5), STAFF, "alice"))).isEqualTo(200);
        assertThat(status(sut, service, tokens.issuedAgo(maxAge.plusMinutes(5), STAFF, "alice"))).isEqualTo(401);
    }

    @Test
    void aKeyRotatedInIsAcceptedByTheRunningServices(SystemUnderTest sut) throws Exception {
        String before = sut.token(STAFF, "alice");
        String kid = sut.cluster().rotateKeys(); // the old key stays published: the other tests' tokens keep working
        String after = sut.token(STAFF, "alice");
        assertThat(after).isNotEqualTo(before);
        for (PlatformService service : PlatformService.values()) {
            // An unknown kid makes a service re-read the JWKS at once (at most once a minute); its copy lasts 60 s.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> status(sut, service, after) == 200);
            assertThat(status(sut, service, before)).as(service + ": the previous key, still published").isEqualTo(200);
        }
        System.out.printf("[tokens] key %s rotated in; all three services accept it without a restart%n", kid);
    }

    private static int status(SystemUnderTest sut, PlatformService service, String token) {
        return given().baseUri(sut.baseUrl(service)).auth().oauth2(token).get("/api/v1/admin/jobs").then().extract()
                .statusCode();
    }
}
