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
 * Selected for audit, the person submits nothing: 31 days later the audit is overdue and the certification INACTIVE
 * (the renewal-service follows AuditOverdue); within the year they submit the proof and are ACTIVE again.
 */
@SystemTest
class OverdueAuditStorySystemTest {

    @AfterEach
    void systemTime(SystemUnderTest sut) {
        sut.resetClockEverywhere();
    }

    @Test
    void anUnansweredAuditMakesTheCertificationInactiveUntilTheProofArrives(SystemUnderTest sut) {
        Certificant cpt = Certificant.fresh(sut, "overdue");
        sut.setClockEverywhere(noon("2027-03-01"));
        cpt.grant("CPT", "2027-03-01");

        sut.setClockEverywhere(noon("2030-02-01"));
        cpt.selfReport("Functional training course", "45", "2029-06-01");
        cpt.awaitTracked("CPT", "45");
        String renewalId = Certificant.json(cpt.renew(cpt.renewalForm(List.of("CPT"), "0", "45", "2030-02-01")).then().statusCode(200).extract().response())
                .path("renewalId").asText();
        JsonNode audit = cpt.awaitAuditOf(renewalId);
        String auditId = audit.path("auditId").asText();
        assertThat(audit.path("status").asText()).isEqualTo("OPEN");
        assertThat(audit.path("proofDueOn").asText()).isEqualTo("2030-03-03");

        // 31 days after the opening, the deadline sweep finds nothing submitted
        sut.setClockEverywhere(noon("2030-03-04"));
        sut.runJob(PlatformService.AUDIT, "audit-deadlines");
        JsonNode overdue = cpt.audit(auditId);
        assertThat(overdue.path("status").asText()).isEqualTo("OVERDUE");
        assertThat(overdue.path("cureBy").asText()).startsWith("2031-03-0");
        cpt.awaitStatus("CPT", "INACTIVE");

        // within the year: the proof cures it
        sut.setClockEverywhere(noon("2030-09-15"));
        JsonNode document = cpt.uploadProof(auditId, "functional-training.pdf");
        JsonNode ledger = cpt.awaitCredits(1);
        JsonNode submitted = cpt.submit(auditId, List.of(Certificant.item(Certificant.creditTitled(ledger, "Functional training"),
                List.of(document.path("documentId").asText()))));
        assertThat(submitted.path("status").asText()).isEqualTo("SUBMITTED");
        JsonNode cured = cpt.awaitStatus("CPT", "ACTIVE");
        assertThat(cured.path("cycleEnd").asText()).isEqualTo("2033-12-31");
    }
}
