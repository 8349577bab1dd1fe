package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.systemtests.Certificant.dec;
import static org.cecplatform.systemtests.Certificant.noon;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Holds CPT and EP and renews both together: EP's requirement (60) and fee (70) plus 5 for the CPT. */
@SystemTest
class TwoCredentialsStorySystemTest {

    @AfterEach
    void systemTime(SystemUnderTest sut) {
        sut.resetClockEverywhere();
    }

    @Test
    void cptAndEpRenewTogetherForTheHighestRequirementAndTheCombinedFee(SystemUnderTest sut) {
        Certificant both = Certificant.fresh(sut, "two");
        sut.setClockEverywhere(noon("2027-03-01"));
        both.grant("CPT", "2027-03-01");
        both.grant("EP", "2027-03-01");

        sut.setClockEverywhere(noon("2030-09-01"));
        both.completesCourse("Exercise prescription for diabetes", "25", "2030-08-01");
        both.selfReport("Biomechanics seminar", "35", "2030-08-15");
        both.awaitTracked("CPT", "60");
        both.awaitTracked("EP", "60");

        JsonNode quote = both.quote("CPT,EP");
        assertThat(quote.path("level").asText()).isEqualTo("EP");
        assertThat(dec(quote.path("cecsRequired"))).isEqualByComparingTo("60");
        assertThat(quote.path("fee").path("items")).hasSize(2);
        assertThat(dec(quote.path("fee").path("items").get(0).path("amount"))).isEqualByComparingTo("70");
        assertThat(dec(quote.path("fee").path("items").get(1).path("amount"))).isEqualByComparingTo("5");
        assertThat(dec(quote.path("fee").path("total"))).isEqualByComparingTo("75.00");

        // 45 would do for the CPT alone, not for both
        JsonNode refused = Certificant.json(both.renew(both.renewalForm(List.of("CPT", "EP"), "25", "20", "2030-09-01")).then().statusCode(422).extract().response());
        assertThat(refused.path("type").asText()).isEqualTo("urn:cec:problem:requirements-unmet");
        assertThat(refused.path("violations").toString()).contains("attestedCecs").contains("EP requires 60");

        JsonNode renewal = Certificant.json(both.renew(both.renewalForm(List.of("CPT", "EP"), "25", "35", "2030-09-01")).then().statusCode(200).extract().response());
        assertThat(renewal.path("credentials").toString()).isEqualTo("[\"EP\",\"CPT\"]");
        assertThat(renewal.path("level").asText()).isEqualTo("EP");
        assertThat(dec(renewal.path("cecsRequired"))).isEqualByComparingTo("60");
        assertThat(dec(renewal.path("fee").path("total"))).isEqualByComparingTo("75.00");
        for (String credential : List.of("CPT", "EP")) {
            JsonNode renewed = both.certification(credential);
            assertThat(renewed.path("status").asText()).as(credential).isEqualTo("ACTIVE");
            assertThat(renewed.path("cycleStart").asText()).as(credential).isEqualTo("2031-01-01");
            assertThat(renewed.path("cycleEnd").asText()).as(credential).isEqualTo("2033-12-31");
        }
    }
}
