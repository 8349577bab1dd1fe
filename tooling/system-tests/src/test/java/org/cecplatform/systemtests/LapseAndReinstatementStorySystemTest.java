package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.systemtests.Certificant.dec;
import static org.cecplatform.systemtests.Certificant.noon;

import java.util.List;

import org.cecplatform.localstack.PlatformService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Lapses (nothing by 30 June after the cycle end), is reinstated with the lapsed cycle's CECs only (a credit completed
 * after the lapse does not count), and the record shows the gap.
 */
@SystemTest
class LapseAndReinstatementStorySystemTest {

    @AfterEach
    void systemTime(SystemUnderTest sut) {
        sut.resetClockEverywhere();
    }

    @Test
    void aLapsedCertificationIsReinstatedWithLapsedCycleCreditsAndTheGapIsRecorded(SystemUnderTest sut) {
        Certificant ep = Certificant.fresh(sut, "lapse");
        sut.setClockEverywhere(noon("2027-03-01"));
        ep.grant("EP", "2027-03-01");
        sut.setClockEverywhere(noon("2030-05-01"));
        ep.completesCourse("Clinical exercise testing", "20", "2030-04-20");
        ep.selfReport("Cardiac rehabilitation seminar", "35", "2030-04-30");
        ep.awaitTracked("EP", "55");

        sut.setClockEverywhere(noon("2031-07-15"));
        sut.runJob(PlatformService.RENEWAL, "certification-status");
        JsonNode lapsed = ep.awaitStatus("EP", "LAPSED");
        assertThat(lapsed.path("renewalKind").asText()).isEqualTo("REINSTATEMENT");

        // Reported in this order, so the ledger's events reach the renewal-service in this order too: once the second
        // (completed inside the lapsed cycle) counts, the first (completed after the lapse) was seen and left out.
        ep.selfReport("Course after the lapse", "15", "2031-07-10");
        ep.selfReport("Late-reported cycle workshop", "5", "2030-06-01");
        ep.awaitTracked("EP", "60");

        JsonNode quote = ep.quote("EP");
        assertThat(quote.path("kind").asText()).isEqualTo("REINSTATEMENT");
        assertThat(dec(quote.path("cecsRequired"))).isEqualByComparingTo("60");
        assertThat(dec(quote.path("fee").path("total"))).as("the reinstatement fee, instead of renewal and late fees")
                .isEqualByComparingTo("165.00");
        JsonNode reinstated = Certificant.json(ep.renew(ep.renewalForm(List.of("EP"), "20", "40", "2031-07-15")).then().statusCode(200).extract().response());
        assertThat(reinstated.path("kind").asText()).isEqualTo("REINSTATEMENT");
        assertThat(dec(reinstated.path("cecsTracked"))).as("the lapsed cycle's credits only").isEqualByComparingTo("60");
        assertThat(reinstated.path("previousCycleEnd").asText()).isEqualTo("2030-12-31");
        assertThat(reinstated.path("gapFrom").asText()).isEqualTo("2031-01-01");
        assertThat(reinstated.path("gapTo").asText()).isEqualTo("2031-07-14");
        assertThat(reinstated.path("cycleStart").asText()).isEqualTo("2031-07-15");
        assertThat(reinstated.path("cycleEnd").asText()).isEqualTo("2034-12-31");

        JsonNode record = ep.certification("EP");
        assertThat(record.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(record.path("cycles")).hasSize(2);
        JsonNode current = record.path("cycles").get(1);
        assertThat(current.path("origin").asText()).isEqualTo("REINSTATEMENT");
        assertThat(current.path("gapFrom").asText()).isEqualTo("2031-01-01");
        assertThat(current.path("gapTo").asText()).isEqualTo("2031-07-14");
    }
}
