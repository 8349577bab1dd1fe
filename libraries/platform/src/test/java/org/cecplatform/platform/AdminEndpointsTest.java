package org.cecplatform.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.cecplatform.platform.jobs.JobRunner;
import org.cecplatform.platform.persistence.Jdbc;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminEndpointsTest {

    @Inject
    ServiceClock clock;
    @Inject
    JobRunner runner;
    @Inject
    Jdbc jdbc;

    @AfterEach
    void backToSystemTime() {
        clock.reset();
    }

    @Test
    void staffSetTheClockAndJobsRunOnIt() {
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON)
                .body("{\"now\": \"2027-03-01T12:00:00Z\"}")
                .when().put("/api/v1/admin/clock")
                .then().statusCode(200).body("now", startsWith("2027-03-01T12:00"));

        given().auth().oauth2(TestTokens.staff())
                .when().get("/api/v1/admin/jobs")
                .then().statusCode(200).body("jobs.name", contains("test-broken", "test-sweep"))
                .body("jobs.schedule", everyItem(equalTo("on request only")));

        given().auth().oauth2(TestTokens.staff())
                .when().post("/api/v1/admin/jobs/test-sweep")
                .then().statusCode(200)
                .body("job", equalTo("test-sweep"))
                .body("summary", org.hamcrest.Matchers.containsString("at 2027-03-01T12:00"));
    }

    @Test
    void eachJobShowsItsLastRunKeptInTheDatabaseAFailureToo() {
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON)
                .body("{\"now\": \"2027-05-02T08:00:00Z\"}")
                .when().put("/api/v1/admin/clock")
                .then().statusCode(200);
        String summary = given().auth().oauth2(TestTokens.staff())
                .when().post("/api/v1/admin/jobs/test-sweep")
                .then().statusCode(200).body("outcome", equalTo("SUCCEEDED")).body("trigger", equalTo("REQUEST"))
                .extract().path("summary");
        assertThatThrownBy(() -> runner.run("test-broken")).isInstanceOf(IllegalStateException.class);

        given().auth().oauth2(TestTokens.auditor())
                .when().get("/api/v1/admin/jobs")
                .then().statusCode(200)
                .body("jobs.find { it.name == 'test-sweep' }.lastRun.summary", equalTo(summary))
                .body("jobs.find { it.name == 'test-sweep' }.lastRun.ranAt", startsWith("2027-05-02T08:00"))
                .body("jobs.find { it.name == 'test-sweep' }.lastRun.finishedAt", startsWith("2027-05-02T08:00"))
                .body("jobs.find { it.name == 'test-broken' }.lastRun.outcome", equalTo("FAILED"))
                .body("jobs.find { it.name == 'test-broken' }.lastRun.summary", containsString("always breaks"));
        // kept in the platform's table, so a restarted service still knows it
        assertThat(jdbc.one("select summary from job_last_run where job = ?", r -> r.getString(1), "test-sweep"))
                .contains(summary);
    }

    @Test
    void anEarlierInstantCanBeSetToo() {
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON)
                .body("{\"now\": \"2020-01-01T00:00:00Z\"}")
                .when().put("/api/v1/admin/clock")
                .then().statusCode(200).body("now", startsWith("2020-01-01T00:00"));
    }

    @Test
    void anUnknownJobIs404Problem() {
        given().auth().oauth2(TestTokens.staff())
                .when().post("/api/v1/admin/jobs/nope")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:cec:problem:not-found"));
    }

    @Test
    void withoutATokenIs401Problem() {
        given().contentType(ContentType.JSON).body("{\"now\": \"2027-03-01T12:00:00Z\"}")
                .when().put("/api/v1/admin/clock")
                .then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void anExpiredTokenIs401() {
        given().auth().oauth2(TestTokens.expired("staff", "staff-1"))
                .when().get("/api/v1/admin/jobs")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aCertificantCannotSetTheClock() {
        given().auth().oauth2(TestTokens.certificant("c-1")).contentType(ContentType.JSON)
                .body("{\"now\": \"2027-03-01T12:00:00Z\"}")
                .when().put("/api/v1/admin/clock")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:cec:problem:forbidden"));
    }

    @Test
    void aMissingInstantIs422AndMalformedJsonIs400() {
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON).body("{}")
                .when().put("/api/v1/admin/clock")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("now"));
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON).body("{\"now\": ")
                .when().put("/api/v1/admin/clock")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:cec:problem:malformed-json"));
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON).body("{\"now\": \"2027-03-01T12:00:00Z\"}}garbage")
                .when().put("/api/v1/admin/clock")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:cec:problem:malformed-json"));
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON).body("{\"now\": \"yesterday\"}")
                .when().put("/api/v1/admin/clock")
                .then().statusCode(422).body("violations[0].field", equalTo("now"));
    }

    @Test
    void healthOpenApiAndMetricsAreServed() {
        given().when().get(management("/q/health/ready")).then().statusCode(200);
        given().when().get(management("/q/health/live")).then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get(management("/q/metrics")).then().statusCode(200);
        // The API port serves neither (the management interface has its own port).
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
    }

    /** The management interface's root ({@code http://host:port/q}): its own free port in tests. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "", management = true)
    java.net.URL managementRoot;

    private String management(String path) {
        return managementRoot.toString().replaceAll("/q/?$", "") + path;
    }
}
