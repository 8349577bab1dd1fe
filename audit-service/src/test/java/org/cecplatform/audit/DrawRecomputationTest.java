package org.cecplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.audit.Fixtures.ny;
import static org.cecplatform.audit.Fixtures.person;
import static org.cecplatform.audit.Fixtures.renewal;
import static org.cecplatform.audit.Fixtures.sendRenewed;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.cecplatform.contract.renewal.CertificationRenewedV1;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/sampling/renewals/{renewalId} shows the draw recomputed from the seed beside the recorded one, with the
 * rule's arithmetic: selected exactly when floor((k·j + v) / B) goes up at the renewal's position j. Rates in tests:
 * CPT 100 % (1 of 1), CET 0 % (0 of 1), GEI 10 % (1 of 10).
 */
@QuarkusTest
class DrawRecomputationTest {

    @Inject
    ServiceClock clock;

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void theRecomputedDrawIsTheRecordedOneWithTheRulesArithmetic() {
        clock.set(ny("2045-03-01T12:00"));
        JsonPath cpt = drawOf(renewal(person(), "CPT", LocalDate.of(2045, 2, 20)));
        assertThat(cpt.getBoolean("reproduced")).isTrue();
        assertThat(cpt.getBoolean("recomputed.selected")).isTrue();
        assertThat(cpt.getLong("recomputed.selectedBefore")).isZero();
        assertThat(cpt.getLong("recomputed.selectedThrough")).isEqualTo(1);
        assertThat(cpt.getString("auditId")).isNotNull();

        JsonPath cet = drawOf(renewal(person(), "CET", LocalDate.of(2045, 2, 20)));
        assertThat(cet.getBoolean("recomputed.selected")).isFalse();
        assertThat(cet.getLong("recomputed.selectedThrough")).isZero();
        assertThat(cet.getString("auditId")).isNull();

        for (int i = 0; i < 3; i++) {
            JsonPath gei = drawOf(renewal(person(), "GEI", LocalDate.of(2045, 2, 20)));
            assertThat(gei.getInt("blockSize")).isEqualTo(10);
            assertThat(gei.getInt("recomputed.block")).isEqualTo(gei.getInt("block"));
            assertThat(gei.getInt("recomputed.position")).isEqualTo(gei.getInt("position"));
            assertThat(gei.getInt("recomputed.draw")).isEqualTo(gei.getInt("draw")).isBetween(0, 9);
            int j = gei.getInt("position");
            int v = gei.getInt("draw");
            assertThat(gei.getLong("recomputed.selectedBefore")).isEqualTo((j - 1 + v) / 10);
            assertThat(gei.getLong("recomputed.selectedThrough")).isEqualTo((j + v) / 10);
            assertThat(gei.getBoolean("recomputed.selected")).isEqualTo(gei.getBoolean("selected"))
                    .isEqualTo((j + v) / 10 > (j - 1 + v) / 10);
        }
    }

    @Test
    void aRenewalInNoPoolIsNotFound() {
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/sampling/renewals/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static JsonPath drawOf(CertificationRenewedV1 renewal) {
        sendRenewed(renewal);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.staff())
                .get("/api/v1/sampling/renewals/{id}", renewal.renewalId()).statusCode() == 200);
        return given().auth().oauth2(TestTokens.staff()).get("/api/v1/sampling/renewals/{id}", renewal.renewalId())
                .then().statusCode(200).extract().jsonPath();
    }
}
