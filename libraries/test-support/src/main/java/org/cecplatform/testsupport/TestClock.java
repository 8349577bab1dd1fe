package org.cecplatform.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The clock of the service under test, moved through its admin endpoint ({@code /api/v1/admin/clock}, settable in
 * tests) as staff would move it, and back to the system's time after each test. A @QuarkusTest registers it:
 * {@code @RegisterExtension final TestClock clock = new TestClock();} or, for tests that all start at one time,
 * {@code TestClock.startingAt(instant)}.
 */
public final class TestClock implements BeforeEachCallback, AfterEachCallback {

    private static final String CLOCK = "/api/v1/admin/clock";

    /** Where each test starts; null: at the system's time. */
    private final Instant start;

    public TestClock() {
        this(null);
    }

    private TestClock(Instant start) {
        this.start = start;
    }

    /** A clock set to {@code start} before each test. */
    public static TestClock startingAt(Instant start) {
        return new TestClock(start);
    }

    /** Moves the service's time to {@code now}, earlier or later; it goes on running from there. */
    public void set(Instant now) {
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON).body(Map.of("now", now.toString()))
                .when().put(CLOCK).then().statusCode(200);
    }

    /** Back to the system's time. */
    public void reset() {
        given().auth().oauth2(TestTokens.staff()).when().delete(CLOCK).then().statusCode(200);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (start != null) {
            set(start);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        reset();
    }
}
