package org.cecplatform.platform.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** JSON routes take at most 256 KB (the platform's default); more is 413 with a problem body, and nothing changes. */
@QuarkusTest
class BodyLimitsTest {

    static final int LIMIT = 256 * 1024;

    @Inject
    ServiceClock clock;

    @TestHTTPResource("/api/v1/admin/clock")
    URI clockUrl;

    @AfterEach
    void backToSystemTime() {
        clock.reset();
    }

    /** A clock setting padded to {@code size} bytes: valid JSON, so only its size can be wrong. */
    static String clockBody(int size) {
        String head = "{\"now\": \"2031-01-01T00:00:00Z\", \"note\": \"";
        return head + "x".repeat(size - head.length() - 2) + "\"}";
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413BeforeTheBodyIsRead() {
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON).body(clockBody(LIMIT + 1))
                .when().put("/api/v1/admin/clock")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:cec:problem:body-too-large"))
                .body("title", equalTo("Payload too large"))
                .body("status", equalTo(413))
                .body("detail", startsWith("The request body is larger than the 262144 bytes"));
        assertThat(clock.instant()).as("the clock did not move").isBefore(Instant.parse("2031-01-01T00:00:00Z"));
    }

    @Test
    void aChunkedBodyIsCountedAndStoppedAtTheLimit() throws Exception {
        byte[] body = clockBody(LIMIT + 1).getBytes(StandardCharsets.UTF_8);
        // From an input stream the client knows no length: it sends the body chunked, without Content-Length.
        HttpRequest request = HttpRequest.newBuilder(clockUrl)
                .header("Authorization", "Bearer " + TestTokens.staff())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("urn:cec:problem:body-too-large");
        assertThat(clock.instant()).as("the clock did not move").isBefore(Instant.parse("2031-01-01T00:00:00Z"));
    }

    @Test
    void aChunkedBodyUnderTheLimitReachesTheResourceWhole() throws Exception {
        byte[] body = "{\"now\": \"2031-01-01T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(clockUrl)
                .header("Authorization", "Bearer " + TestTokens.staff())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(clock.instant()).as("the clock moved").isAfterOrEqualTo(Instant.parse("2031-01-01T00:00:00Z"));
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        // Read and judged on its content (the padding field is unknown to the strict reader): not a size problem.
        int status = given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON).body(clockBody(LIMIT))
                .when().put("/api/v1/admin/clock")
                .then().extract().statusCode();
        assertThat(status).isNotEqualTo(413).isLessThan(500);
    }

    @Test
    void theLimitOfAPathIsTheFirstMatchingRouteOrTheDefault() {
        BodyLimits limits = new BodyLimits(LIMIT, Map.of("/api/v1/audits/[^/]+/documents", 10_485_760L));
        assertThat(limits.maxBytes("/api/v1/audits/a-1/documents")).isEqualTo(10_485_760L);
        assertThat(limits.maxBytes("/api/v1/audits/a-1/documents/d-1")).isEqualTo(LIMIT);
        assertThat(limits.maxBytes("/api/v1/admin/clock")).isEqualTo(LIMIT);
    }
}
