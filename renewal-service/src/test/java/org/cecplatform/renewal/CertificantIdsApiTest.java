package org.cecplatform.renewal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.renewal.Fixtures.newYork;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.PostgresTestResource;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §6: a certificant id matches {@code ^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$} wherever it enters renewal-service
 * (the grant's body, a {@code /certificants/{id}} path); anything else is 422 naming the field and nothing is saved.
 */
@QuarkusTest
class CertificantIdsApiTest {

    @Inject
    ServiceClock clock;

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad id?#x", ".leading-dot", "a/b", "C-1\n", "é-accent"})
    void aGrantForAnIdThatIsNoCertificantIdIs422OnCertificantIdAndSavesNothing(String badId) {
        clock.set(newYork("2025-03-01T10:00"));
        String id = badId + UUID.randomUUID().toString().substring(0, 4);

        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON)
                .body(Map.of("certificantId", id, "credential", "CPT", "certifiedOn", "2025-01-15"))
                .when().post("/api/v1/certifications")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", contains("certificantId"));

        assertThat(rows("select count(*) from certificant where certificant_id = ?", id)).isZero();
        assertThat(rows("select count(*) from certification where certificant_id = ?", id)).isZero();
        assertThat(rows("select count(*) from event_log where aggregate_id = ?", id)).isZero();
    }

    @Test
    void sixtyFiveCharactersAreRefusedAndSixtyFourGrantedWithTheirLocation() {
        clock.set(newYork("2025-03-01T10:00"));
        String sixtyFour = "C" + UUID.randomUUID().toString().replace("-", "") + "x".repeat(31);
        assertThat(sixtyFour).hasSize(64);

        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON)
                .body(Map.of("certificantId", sixtyFour + "y", "credential", "CPT", "certifiedOn", "2025-01-15"))
                .when().post("/api/v1/certifications")
                .then().statusCode(422).body("violations.field", contains("certificantId"));
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON)
                .body(Map.of("certificantId", sixtyFour, "credential", "CPT", "certifiedOn", "2025-01-15"))
                .when().post("/api/v1/certifications")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/certificants/" + sixtyFour + "/certifications"))
                .body("certificantId", equalTo(sixtyFour));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/certificants/bad%20id/certifications",
            "/api/v1/certificants/bad%20id%3F%23x/renewal-quote?credentials=CPT",
            "/api/v1/certificants/.hidden/renewals", "/api/v1/certificants/a%2Fb/certifications"})
    void aPathIdThatIsNoCertificantIdIs422OnCertificantId(String path) {
        given().auth().oauth2(TestTokens.staff()).urlEncodingEnabled(false)
                .when().get(path)
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("certificantId"));
    }

    @Test
    void aRenewalUnderAPathIdThatIsNoCertificantIdIs422AndSavesNothing() {
        String badId = "bad id " + UUID.randomUUID().toString().substring(0, 4);
        given().auth().oauth2(TestTokens.certificant(badId)).contentType(ContentType.JSON).body("{}")
                .urlEncodingEnabled(false)
                .when().post("/api/v1/certificants/" + badId.replace(" ", "%20") + "/renewals")
                .then().statusCode(422).body("violations[0].field", equalTo("certificantId"));
        assertThat(rows("select count(*) from renewal where certificant_id = ?", badId)).isZero();
        assertThat(rows("select count(*) from event_log where aggregate_id = ?", badId)).isZero();
    }

    private static long rows(String sql, String parameter) {
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "postgres");
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
