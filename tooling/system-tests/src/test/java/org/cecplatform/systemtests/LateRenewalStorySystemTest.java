package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.systemtests.Certificant.dec;
import static org.cecplatform.systemtests.Certificant.noon;

import java.util.List;

import org.cecplatform.localstack.PlatformService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Misses the deadline, renews in the grace period with the late fee, and keeps the original schedule. */
@SystemTest
class LateRenewalStorySystemTest {

    @AfterEach
    void systemTime(SystemUnderTest sut) {
        sut.resetClockEverywhere();
    }

    @Test
    void aRenewalInGracePaysTheLateFeeAndTheNextCycleStartsTheDayAfterTheOldEnd(SystemUnderTest sut) {
        Certificant gei = Certificant.fresh(sut, "late");
        sut.setClockEverywhere(noon("2027-03-01"));
        gei.grant("GEI", "2027-03-01");
        sut.setClockEverywhere(noon("2030-10-15"));
        gei.selfReport("Group exercise leadership course", "45", "2030-10-01");
        gei.awaitTracked("GEI", "45");

        // 31 December passes without a renewal
        sut.setClockEverywhere(noon("2031-02-15"));
        sut.runJob(PlatformService.RENEWAL, "certification-status");
        JsonNode grace = gei.awaitStatus("GEI", "GRACE");
        assertThat(grace.path("renewalKind").asText()).isEqualTo("LATE_RENEWAL");
        assertThat(grace.path("deadline").asText()).isEqualTo("2031-06-30");

        JsonNode quote = gei.quote("GEI");
        assertThat(quote.path("kind").asText()).isEqualTo("LATE_RENEWAL");
        assertThat(quote.path("fee").path("items")).hasSize(2);
        assertThat(dec(quote.path("fee").path("items").get(1).path("amount"))).as("late fee").isEqualByComparingTo("80");
        assertThat(dec(quote.path("fee").path("total"))).isEqualByComparingTo("140.00");

        JsonNode renewal = Certificant.json(gei.renew(gei.renewalForm(List.of("GEI"), "0", "45", "2031-02-15")).then().statusCode(200).extract().response());
        assertThat(renewal.path("kind").asText()).isEqualTo("LATE_RENEWAL");
        assertThat(renewal.path("renewedOn").asText()).isEqualTo("2031-02-15");
        assertThat(renewal.path("previousCycleEnd").asText()).isEqualTo("2030-12-31");
        assertThat(renewal.path("cycleStart").asText()).as("the original schedule").isEqualTo("2031-01-01");
        assertThat(renewal.path("cycleEnd").asText()).isEqualTo("2033-12-31");
        assertThat(renewal.path("gapFrom").isNull() || renewal.path("gapFrom").isMissingNode()).as("no gap").isTrue();
        JsonNode renewed = gei.certification("GEI");
        assertThat(renewed.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(renewed.path("cycleStart").asText()).isEqualTo("2031-01-01");
    }
}
