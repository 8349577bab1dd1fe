package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.systemtests.Certificant.dec;
import static org.cecplatform.systemtests.Certificant.noon;
import static org.cecplatform.systemtests.SystemUnderTest.STAFF;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.http.ContentType;

/**
 * Staff void a credit and the tracked progress drops below the requirement. A renewal is judged on the CECs the
 * person attests (SPEC: the renewal form's totals; renewal-service README "Renewal requirements"), not on the
 * ledger: attesting what is left is refused with the unmet requirement listed; attesting the old total is accepted,
 * and the renewal shows staff the attested and the tracked figures side by side.
 */
@SystemTest
class VoidedCreditStorySystemTest {

    @AfterEach
    void systemTime(SystemUnderTest sut) {
        sut.resetClockEverywhere();
    }

    @Test
    void aVoidedCreditDropsTheProgressBelowTheRequirement(SystemUnderTest sut) {
        Certificant gei = Certificant.fresh(sut, "void");
        sut.setClockEverywhere(noon("2027-03-01"));
        gei.grant("GEI", "2027-03-01");
        sut.setClockEverywhere(noon("2030-04-01"));
        gei.selfReport("Aqua fitness instructor course", "30", "2029-05-01");
        JsonNode doubtful = gei.selfReport("Weekend retreat", "15", "2029-09-01");
        assertThat(dec(gei.awaitTracked("GEI", "45").path("cecsRemaining"))).isEqualByComparingTo("0");

        JsonNode voided = Certificant.json(sut.ledger(STAFF, "records-officer").contentType(ContentType.JSON)
                .body(Map.of("reason", "not continuing education: a holiday"))
                .post("/api/v1/certificants/{id}/credits/{creditId}/void", gei.id, doubtful.path("creditId").asText())
                .then().statusCode(200).extract().response());
        assertThat(voided.path("voided").asBoolean()).isTrue();
        JsonNode progress = gei.awaitTracked("GEI", "30");
        assertThat(dec(progress.path("cecsRemaining"))).isEqualByComparingTo("15");

        JsonNode refused = Certificant.json(gei.renew(gei.renewalForm(List.of("GEI"), "0", "30", "2030-04-01")).then().statusCode(422).extract().response());
        assertThat(refused.path("type").asText()).isEqualTo("urn:cec:problem:requirements-unmet");
        assertThat(refused.path("violations").toString()).contains("attestedCecs").contains("add up to 30.0").contains("GEI requires 45");

        // The ledger does not gate a renewal: attesting 45 goes through, and staff see 45 attested against 30 tracked.
        JsonNode renewal = Certificant.json(gei.renew(gei.renewalForm(List.of("GEI"), "0", "45", "2030-04-01")).then().statusCode(200).extract().response());
        JsonNode asStaffSeeIt = Certificant.json(sut.renewal(STAFF, "reviewer").get("/api/v1/renewals/{id}",
                renewal.path("renewalId").asText()).then().statusCode(200).extract().response());
        assertThat(dec(asStaffSeeIt.path("cecsAttested"))).isEqualByComparingTo("45");
        assertThat(dec(asStaffSeeIt.path("cecsTracked"))).isEqualByComparingTo("30");
        assertThat(dec(asStaffSeeIt.path("cecsRequired"))).isEqualByComparingTo("45");
    }
}
