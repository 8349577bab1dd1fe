package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.systemtests.Certificant.dec;
import static org.cecplatform.systemtests.Certificant.json;
import static org.cecplatform.systemtests.Certificant.noon;
import static org.cecplatform.systemtests.SystemUnderTest.AUDITOR;
import static org.cecplatform.systemtests.SystemUnderTest.CERTIFICANT;
import static org.cecplatform.systemtests.SystemUnderTest.STAFF;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.Topics;
import org.cecplatform.localstack.PlatformService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A member tries to game the audit, every way a new user found on the local stack, through REST and the intake
 * topics: inflating a verified credit's CECs, old proof, a course taken after an early renewal, an auditor deciding
 * their own audit, staff passing an audit below the requirement, and ids that are no certificant ids. Each attempt is
 * refused and changes nothing; the reviewer can still choose failure.
 */
@SystemTest
class AuditGamingStorySystemTest {

    @AfterEach
    void systemTime(SystemUnderTest sut) {
        sut.resetClockEverywhere();
    }

    @Test
    void aMemberTriesToGameTheAudit(SystemUnderTest sut) {
        Certificant cpt = Certificant.fresh(sut, "gaming");
        sut.setClockEverywhere(noon("2024-05-10"));
        cpt.grant("CPT", "2024-05-10");
        sut.setClockEverywhere(noon("2027-02-20"));
        cpt.completesCourse("Functional training basics", "5", "2026-01-05");
        cpt.awaitTracked("CPT", "5");

        // an early renewal, on the attested CECs: it counted the credits completed 2024-05-10..2027-02-20
        JsonNode renewal = json(cpt.renew(cpt.renewalForm(List.of("CPT"), "5", "40", "2027-02-20")).then().statusCode(200).extract().response());
        assertThat(renewal.path("countedTo").asText()).isEqualTo("2027-02-20");
        String auditId = cpt.awaitAuditOf(renewal.path("renewalId").asText()).path("auditId").asText();
        JsonNode audit = await("the audit-service has the verified credit").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(300)).until(() -> cpt.audit(auditId),
                        a -> dec(a.path("acceptedCecs")).compareTo(new java.math.BigDecimal("5")) == 0);
        assertThat(audit.path("window").path("from").asText()).isEqualTo("2024-05-10");
        assertThat(audit.path("window").path("to").asText()).isEqualTo("2027-02-20");
        assertThat(dec(audit.path("acceptedCecs"))).isEqualByComparingTo("5");
        assertThat(dec(audit.path("requiredCecs"))).isEqualByComparingTo("45");
        String verifiedFive = Certificant.creditTitled(cpt.awaitCredits(1), "Functional training").path("creditId").asText();
        String proof = cpt.uploadProof(auditId, "certificate.pdf").path("documentId").asText();

        // 1. the verified 5-CEC credit typed as 45
        Map<String, Object> inflated = new LinkedHashMap<>();
        inflated.put("creditId", verifiedFive);
        inflated.put("cecs", 45);
        JsonNode refused = submitRefused(sut, cpt, auditId, List.of(inflated));
        assertThat(refused.path("violations").get(0).path("field").asText()).isEqualTo("items[0].cecs");
        assertThat(refused.path("violations").get(0).path("message").asText()).contains("the ledger's figure for this credit, 5");

        // 2. proof completed in 2019 for a cycle that began in 2024
        refused = submitRefused(sut, cpt, auditId, List.of(typedItem("Old workshop", "2019-06-01", "45", proof)));
        assertThat(refused.path("violations").get(0).path("message").asText())
                .contains("outside the audited cycle's window 2024-05-10 to 2027-02-20");

        // 3. a course completed after the early renewal: it counts toward the new cycle, and does not pass the audit
        sut.setClockEverywhere(noon("2027-03-05"));
        cpt.completesCourse("Course after the renewal", "45", "2027-02-25");
        cpt.awaitTracked("CPT", "45");
        String after = Certificant.creditTitled(cpt.awaitCredits(2), "after the renewal").path("creditId").asText();
        JsonNode outside = await("the audit-service knows the later course").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> submitRefused(sut, cpt, auditId, List.of(Map.<String, Object>of("creditId", after))),
                        r -> r.path("violations").get(0).path("field").asText().equals("items[0].completedOn"));
        assertThat(outside.path("violations").get(0).path("message").asText()).contains("outside the audited cycle's window");
        assertThat(cpt.audit(auditId).path("status").asText()).isEqualTo("OPEN");
        assertThat(dec(cpt.audit(auditId).path("acceptedCecs"))).isEqualByComparingTo("5");

        // the honest submission: the verified credit, with the ledger's figures
        JsonNode submitted = cpt.submit(auditId, List.of(Map.<String, Object>of("creditId", verifiedFive)));
        assertThat(submitted.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(dec(submitted.path("items").get(0).path("cecs"))).isEqualByComparingTo("5");

        // 4. an auditor who is this certificant decides their own audit; a staff member who is extends it
        String ownToken = sut.cluster().mintToken(AUDITOR, "auditor-" + cpt.id, cpt.id);
        Response own = sut.request(PlatformService.AUDIT).auth().oauth2(ownToken).contentType(ContentType.JSON)
                .body(Map.of("outcome", "PASSED")).post("/api/v1/audits/{id}/decision", auditId);
        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(json(own).path("type").asText()).isEqualTo("urn:cec:problem:own-audit");

        // 5. staff record PASSED on 5 of the 45 CECs required
        Response below = sut.audit(STAFF, "reviewer").contentType(ContentType.JSON)
                .body(Map.of("outcome", "PASSED", "notes", "looks fine")).post("/api/v1/audits/{id}/decision", auditId);
        assertThat(below.statusCode()).isEqualTo(422);
        assertThat(json(below).path("type").asText()).isEqualTo("urn:cec:problem:requirement-not-reached");
        assertThat(json(below).path("detail").asText()).contains("5.0 of 45.0");
        assertThat(cpt.audit(auditId).path("status").asText()).isEqualTo("SUBMITTED");

        // 6. ids that are no certificant ids: refused before anything is saved, never a 500
        Response badGrant = sut.renewal(STAFF, "registrar").contentType(ContentType.JSON)
                .body(Map.of("certificantId", "bad id?#x", "credential", "CPT", "certifiedOn", "2027-03-01"))
                .post("/api/v1/certifications");
        assertThat(badGrant.statusCode()).isEqualTo(422);
        assertThat(json(badGrant).path("violations").get(0).path("field").asText()).isEqualTo("certificantId");
        Response badPath = sut.ledger(STAFF, "records-officer").contentType(ContentType.JSON)
                .body(Map.of("title", "x", "provider", "y", "providerKind", "MAJOR_FITNESS_ORGANIZATION",
                        "category", "GENERAL", "completedOn", "2027-01-01", "amount", 1, "unit", "CEC", "inScope", true))
                .post("/api/v1/certificants/bad%20id/credits");
        assertThat(badPath.statusCode()).isEqualTo(422);
        sut.produce(Topics.LMS_COURSE_COMPLETIONS, "bad id", "{\"completionId\":\"lms-bad-id-" + cpt.id + "\","
                + "\"memberId\":\"bad id\",\"courseId\":\"CO-1\",\"courseTitle\":\"x\",\"cecs\":5,\"completedAt\":\"2027-01-01\"}");
        List<ConsumerRecord<String, String>> dead = sut.read(Topics.deadLetter(Topics.LMS_COURSE_COMPLETIONS),
                r -> r.value() != null && r.value().contains("lms-bad-id-" + cpt.id), 1, Duration.ofSeconds(120));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader(CloudEventHeaders.DLQ_REASON).value()))
                .contains("memberId");

        // the reviewer chooses failure instead
        String itemId = submitted.path("items").get(0).path("itemId").asText();
        JsonNode failed = json(sut.audit(AUDITOR, "auditor-7").contentType(ContentType.JSON)
                .body(Map.of("outcome", "FAILED", "notes", "40 of the 45 CECs attested have no proof",
                        "items", List.of(Map.of("itemId", itemId, "accepted", true))))
                .post("/api/v1/audits/{id}/decision", auditId).then().statusCode(200).extract().response());
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("decision").path("decidedBy").asText()).isEqualTo("auditor-7");
        cpt.awaitStatus("CPT", "REVOKED");
    }

    private static JsonNode submitRefused(SystemUnderTest sut, Certificant person, String auditId,
                                          List<Map<String, Object>> items) {
        Response response = sut.audit(CERTIFICANT, person.id).contentType(ContentType.JSON).body(Map.of("items", items))
                .post("/api/v1/audits/{auditId}/submission", auditId);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(422);
        return json(response);
    }

    private static Map<String, Object> typedItem(String title, String completedOn, String cecs, String documentId) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("title", title);
        item.put("provider", "Regional Fitness Association");
        item.put("completedOn", completedOn);
        item.put("cecs", Double.valueOf(cecs));
        item.put("category", "GENERAL");
        item.put("documentIds", List.of(documentId));
        return item;
    }
}
