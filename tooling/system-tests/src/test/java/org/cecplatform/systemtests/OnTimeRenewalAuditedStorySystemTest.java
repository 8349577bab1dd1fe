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
 * A CPT is certified, earns credits from the LMS, a meeting and self-reporting, watches the progress, renews on time,
 * is selected for audit (the system tests sample every CPT renewal), uploads proof and staff pass the audit.
 */
@SystemTest
class OnTimeRenewalAuditedStorySystemTest {

    @AfterEach
    void systemTime(SystemUnderTest sut) {
        sut.resetClockEverywhere();
    }

    @Test
    void aCptEarnsCreditsFromEverySourceRenewsOnTimeAndPassesTheAudit(SystemUnderTest sut) {
        Certificant cpt = Certificant.fresh(sut, "on-time");

        sut.setClockEverywhere(noon("2027-03-01"));
        JsonNode granted = cpt.grant("CPT", "2027-03-01");
        assertThat(granted.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(granted.path("cycleEnd").asText()).isEqualTo("2030-12-31");
        assertThat(dec(granted.path("cecsRequired"))).isEqualByComparingTo("45");
        assertThat(dec(granted.path("cecsTracked"))).isEqualByComparingTo("0");

        // a year later: an ceOnline course, a session at the annual meeting, a workshop reported by the person
        sut.setClockEverywhere(noon("2028-05-10"));
        cpt.completesCourse("Resistance training for older adults", "10", "2028-04-20");
        assertThat(dec(cpt.awaitTracked("CPT", "10").path("cecsRemaining"))).isEqualByComparingTo("35");
        cpt.attendsMeeting("Exercise is Medicine update", "5", "2028-05-02");
        assertThat(dec(cpt.awaitTracked("CPT", "15").path("cecsRemaining"))).isEqualByComparingTo("30");
        cpt.selfReport("Sports nutrition workshop", "30", "2028-05-09");
        JsonNode complete = cpt.awaitTracked("CPT", "45");
        assertThat(dec(complete.path("cecsRemaining"))).isEqualByComparingTo("0");
        assertThat(complete.path("renewable").asBoolean()).as("not yet in the final year").isFalse();

        // the final year: renew with the exact fee of the quote
        sut.setClockEverywhere(noon("2030-06-01"));
        JsonNode due = cpt.certification("CPT");
        assertThat(due.path("renewable").asBoolean()).isTrue();
        assertThat(due.path("renewalKind").asText()).isEqualTo("RENEWAL");
        JsonNode quote = cpt.quote("CPT");
        assertThat(quote.path("kind").asText()).isEqualTo("RENEWAL");
        assertThat(dec(quote.path("fee").path("total"))).isEqualByComparingTo("60.00");
        JsonNode renewal = Certificant.json(cpt.renew(cpt.renewalForm(List.of("CPT"), "15", "30", "2030-06-01")).then().statusCode(200).extract().response());
        assertThat(renewal.path("kind").asText()).isEqualTo("RENEWAL");
        assertThat(renewal.path("cycleStart").asText()).isEqualTo("2031-01-01");
        assertThat(renewal.path("cycleEnd").asText()).isEqualTo("2033-12-31");
        assertThat(dec(renewal.path("payment").path("amount"))).isEqualByComparingTo("60");

        // selected: the verified credits (LMS and meeting, 15) are pre-accepted but do not reach 45
        String renewalId = renewal.path("renewalId").asText();
        JsonNode audit = cpt.awaitAuditOf(renewalId);
        String auditId = audit.path("auditId").asText();
        assertThat(audit.path("status").asText()).isEqualTo("OPEN");
        assertThat(audit.path("proofDueOn").asText()).isEqualTo("2030-07-01");
        assertThat(dec(cpt.audit(auditId).path("verifiedCecs"))).isEqualByComparingTo("15");

        JsonNode ledger = cpt.awaitCredits(3);
        JsonNode document = cpt.uploadProof(auditId, "sports-nutrition-certificate.pdf");
        assertThat(document.path("contentType").asText()).isEqualTo("application/pdf");
        JsonNode submitted = cpt.submit(auditId, List.of(
                Certificant.item(Certificant.creditTitled(ledger, "Resistance training"), List.of()),
                Certificant.item(Certificant.creditTitled(ledger, "Exercise is Medicine"), List.of()),
                Certificant.item(Certificant.creditTitled(ledger, "Sports nutrition"), List.of(document.path("documentId").asText()))));
        assertThat(submitted.path("status").asText()).isEqualTo("SUBMITTED");

        JsonNode decided = Certificant.json(sut.audit(STAFF, "reviewer").contentType(ContentType.JSON)
                .body(Map.of("outcome", "PASSED", "notes", "certificate checked"))
                .post("/api/v1/audits/{id}/decision", auditId).then().statusCode(200).extract().response());
        assertThat(decided.path("status").asText()).isEqualTo("PASSED");
        assertThat(decided.path("validUntil").asText()).as("the end of the cycle the renewal started").isEqualTo(renewal.path("cycleEnd").asText());

        JsonNode after = cpt.certification("CPT");
        assertThat(after.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(after.path("cycleEnd").asText()).isEqualTo("2033-12-31");
    }
}
