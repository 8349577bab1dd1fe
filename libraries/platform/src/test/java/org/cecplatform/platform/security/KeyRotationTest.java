package org.cecplatform.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.cecplatform.testsupport.JwtTestResource;
import org.cecplatform.testsupport.TestJwks;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Keys rotate in the JWKS while the service runs: a key added is accepted, a key removed is refused within the
 * documented bound (the JWKS copy's life plus the time a verified token is remembered), without a restart. The JWKS is
 * served over real HTTP and the service fetches it as it would fetch an identity provider's.
 */
@QuarkusTest
class KeyRotationTest {

    private static final String SECOND_KEY = "test-key-2";
    /** docs/security.md, "Tokens": JWKS max-age + keep-for; here 1 s + 2 s (JwtTestResource, TestJwks). */
    private static final Duration BOUND = Duration.ofSeconds(TestJwks.MAX_AGE_SECONDS + JwtTestResource.KEEP_FOR_SECONDS);
    /** For the requests themselves (a JWKS fetch, a verification) on a busy build machine. */
    private static final Duration SLACK = Duration.ofSeconds(5);

    /** The other tests sign with the first key: back to it, and wait until the service has seen it again. */
    @AfterEach
    void firstKeyOnlyAgain() {
        TestJwks.publish(TestJwks.FIRST_KEY);
        await().atMost(BOUND.plus(SLACK)).pollInterval(Duration.ofMillis(100))
                .until(() -> status(TestTokens.staff()) == 200);
    }

    @Test
    void aKeyAddedIsAcceptedAndAKeyRemovedIsRefusedWithoutARestart() {
        String firstKeyToken = TestTokens.signedWith(TestJwks.FIRST_KEY, "staff", "staff-1");
        String secondKeyToken = TestTokens.signedWith(SECOND_KEY, "staff", "staff-1");
        assertThat(status(firstKeyToken)).isEqualTo(200);
        assertThat(status(secondKeyToken)).as("signed with a key the JWKS does not publish").isEqualTo(401);

        TestJwks.publish(TestJwks.FIRST_KEY, SECOND_KEY);
        await().atMost(BOUND.plus(SLACK)).pollInterval(Duration.ofMillis(100))
                .until(() -> status(secondKeyToken) == 200);
        assertThat(status(firstKeyToken)).as("both keys while both are published").isEqualTo(200);

        TestJwks.publish(SECOND_KEY);
        long removed = System.nanoTime();
        await().atMost(BOUND.plus(SLACK)).pollInterval(Duration.ofMillis(100))
                .until(() -> status(firstKeyToken) == 401);
        Duration tookToRefuse = Duration.ofNanos(System.nanoTime() - removed);
        assertThat(status(secondKeyToken)).as("the remaining key still works").isEqualTo(200);
        assertThat(status(TestTokens.signedWith(TestJwks.FIRST_KEY, "staff", "staff-2")))
                .as("a new token signed with the removed key").isEqualTo(401);
        System.out.printf("KeyRotationTest: a removed key was refused after %d ms (bound %d s)%n",
                tookToRefuse.toMillis(), BOUND.toSeconds());
    }

    private static int status(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/admin/jobs").then().extract().statusCode();
    }
}
