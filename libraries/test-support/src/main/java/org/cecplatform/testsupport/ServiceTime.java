package org.cecplatform.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The clock of the service under test, moved through its admin endpoint ({@code /api/v1/admin/clock}, settable in
 * tests) as staff would move it, and back to the system's time after each test. A @QuarkusTest registers it:
 * {@code @RegisterExtension final ServiceTime time = new ServiceTime();}
 */
public final class ServiceTime implements AfterEachCallback {

    private static final String CLOCK = "/api/v1/admin/clock";

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
    public void afterEach(ExtensionContext context) {
        reset();
    }
}
