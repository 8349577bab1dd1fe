package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.systemtests.SystemUnderTest.CERTIFICANT;
import static org.cecplatform.systemtests.SystemUnderTest.STAFF;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.cecplatform.contract.Topics;
import org.cecplatform.localstack.DevPaymentProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * One person of a story, as the product's users act on them: staff grant and void, the person reports and renews
 * (REST), the LMS and meeting systems send completions (intake topics). Reads come back as JSON trees so that money and
 * CECs compare as decimals. Waits (Awaitility) wherever the answer depends on events crossing the broker.
 */
final class Certificant {

    static final ZoneId POLICY_ZONE = ZoneId.of("America/New_York");
    /** Long enough for a consumer group to drop a member that an earlier test killed (session timeout 45 s) and rebalance. */
    private static final Duration EVENTUALLY = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A one-page PDF: enough for the audit-service's content sniffing. */
    static final byte[] PROOF_PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
            + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final SystemUnderTest sut;
    final String id;

    private Certificant(SystemUnderTest sut, String id) {
        this.sut = sut;
        this.id = id;
    }

    /** A person nobody has seen yet: the story's name and a random suffix (the stack is shared across runs of a class). */
    static Certificant fresh(SystemUnderTest sut, String story) {
        return new Certificant(sut, story + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Noon in New York on that day: far from midnight, so "today" is that day for every service. */
    static Instant noon(String day) {
        return LocalDate.parse(day).atTime(12, 0).atZone(POLICY_ZONE).toInstant();
    }

    static JsonNode json(Response response) {
        try {
            return JSON.readTree(response.asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BigDecimal dec(JsonNode node) {
        return node.decimalValue();
    }

    /**
     * Waits until the ledger takes LMS completions again: after an earlier test killed and restarted a service, its
     * consumer can wait for the dead member's session to expire (tens of seconds) before the group is rebalanced.
     */
    static void awaitIntakeFlowing(SystemUnderTest sut) {
        Certificant probe = fresh(sut, "intake-probe");
        probe.completesCourse("Probe course", "1", LocalDate.now(POLICY_ZONE).minusDays(1).toString());
        await("the ledger consumes lms.course-completions.v1").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> json(sut.ledger(CERTIFICANT, probe.id).get("/api/v1/certificants/{id}/credits", probe.id)
                        .then().statusCode(200).extract().response()).path("credits").size() == 1);
    }

    // ------------------------------------------------------------------ certifications (renewal-service)

    JsonNode grant(String credential, String certifiedOn) {
        return json(sut.renewal(STAFF, "registrar").contentType(ContentType.JSON)
                .body(Map.of("certificantId", id, "credential", credential, "certifiedOn", certifiedOn))
                .post("/api/v1/certifications").then().statusCode(201).extract().response());
    }

    JsonNode certification(String credential) {
        JsonNode all = json(sut.renewal(CERTIFICANT, id).get("/api/v1/certificants/{id}/certifications", id)
                .then().statusCode(200).extract().response());
        for (JsonNode c : all.path("certifications")) {
            if (c.path("credential").asText().equals(credential)) {
                return c;
            }
        }
        throw new AssertionError(id + " holds no " + credential + ": " + all);
    }

    /** Waits until the certification satisfies the condition (e.g. the ledger's credits arrived), then returns it. */
    JsonNode awaitCertification(String credential, String what, Predicate<JsonNode> condition) {
        return await(id + " " + credential + ": " + what).atMost(EVENTUALLY).pollInterval(Duration.ofMillis(300))
                .until(() -> certification(credential), condition);
    }

    JsonNode awaitTracked(String credential, String cecs) {
        return awaitCertification(credential, "cecsTracked " + cecs,
                c -> dec(c.path("cecsTracked")).compareTo(new BigDecimal(cecs)) == 0);
    }

    JsonNode awaitStatus(String credential, String status) {
        return awaitCertification(credential, "status " + status, c -> c.path("status").asText().equals(status));
    }

    JsonNode quote(String credentials) {
        return json(sut.renewal(CERTIFICANT, id).queryParam("credentials", credentials)
                .get("/api/v1/certificants/{id}/renewal-quote", id).then().statusCode(200).extract().response());
    }

    /** POSTs a renewal request as the person; the caller checks the status (202: pending its payment). */
    Response requestRenewal(Map<String, Object> form) {
        return sut.renewal(CERTIFICANT, id).contentType(ContentType.JSON).body(form)
                .post("/api/v1/certificants/{id}/renewals", id);
    }

    /**
     * Renews as a member does: the request, then the payment of what it asks through the stack's development payment
     * provider (a signed webhook call). Answers the renewal as read afterwards (200, COMPLETED), or the request's
     * refusal; the caller checks the status.
     */
    Response renew(Map<String, Object> form) {
        Response requested = requestRenewal(form);
        if (requested.statusCode() != 202) {
            return requested;
        }
        String renewalId = requested.path("renewalId");
        try {
            DevPaymentProvider.Answer paid = sut.cluster().paymentProvider().pay(renewalId);
            assertThat(paid.status()).as("payment of " + renewalId + ": " + paid.body()).isEqualTo(200);
            assertThat(paid.json().path("outcome").asText()).as(paid.body()).isEqualTo("RENEWED");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return sut.renewal(CERTIFICANT, id).get("/api/v1/renewals/{renewalId}", renewalId);
    }

    /**
     * A renewal form: the credentials, CECs attested from ceOnline/ACSM events and from other providers, the
     * acknowledgement and a current CPR card with hands-on skills (the payment is the provider's: {@link #renew}).
     */
    Map<String, Object> renewalForm(List<String> credentials, String ceOnlineAndAcsm, String otherProviders, String today) {
        LocalDate day = LocalDate.parse(today);
        Map<String, Object> attested = new LinkedHashMap<>();
        attested.put("ceOnlineAndAcsmEvents", new BigDecimal(ceOnlineAndAcsm));
        attested.put("otherProviders", new BigDecimal(otherProviders));
        attested.put("collegeCourses", 0);
        attested.put("committeeService", 0);
        attested.put("cprAedFirstAid", 0);
        attested.put("publicationsAndPresentations", 0);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("credentials", credentials);
        form.put("attestedCecs", attested);
        form.put("acknowledged", true);
        form.put("cpr", Map.of("provider", "American Red Cross", "issuedOn", day.minusMonths(6).toString(),
                "expiresOn", day.plusMonths(18).toString(), "handsOnSkills", true));
        return form;
    }

    // ------------------------------------------------------------------ credits (ledger-service, intake topics)

    JsonNode selfReport(String title, String cecs, String completedOn) {
        Map<String, Object> credit = new LinkedHashMap<>();
        credit.put("title", title);
        credit.put("provider", "Regional Fitness Association");
        credit.put("providerKind", "MAJOR_FITNESS_ORGANIZATION");
        credit.put("category", "GENERAL");
        credit.put("completedOn", completedOn);
        credit.put("amount", new BigDecimal(cecs));
        credit.put("unit", "CEC");
        credit.put("inScope", true);
        return json(sut.ledger(CERTIFICANT, id).contentType(ContentType.JSON).body(credit)
                .post("/api/v1/certificants/{id}/credits", id).then().statusCode(201).extract().response());
    }

    /** The LMS reports a finished ceOnline course; returns the completion id. */
    String completesCourse(String title, String cecs, String completedAt) {
        String completionId = "lms-" + id + "-" + UUID.randomUUID().toString().substring(0, 6);
        sut.produce(Topics.LMS_COURSE_COMPLETIONS, id, String.format(
                "{\"completionId\":\"%s\",\"memberId\":\"%s\",\"courseId\":\"CO-101\",\"courseTitle\":\"%s\",\"cecs\":%s,\"completedAt\":\"%s\"}",
                completionId, id, title, cecs, completedAt));
        return completionId;
    }

    /** The meeting system reports attendance of a session; returns the attendance id. */
    String attendsMeeting(String title, String cecs, String attendedOn) {
        String attendanceId = "att-" + id + "-" + UUID.randomUUID().toString().substring(0, 6);
        sut.produce(Topics.MEETINGS_ATTENDANCE, id, String.format(
                "{\"attendanceId\":\"%s\",\"memberId\":\"%s\",\"meeting\":\"ANNUAL_MEETING\",\"sessionCode\":\"S-12\",\"title\":\"%s\",\"cecs\":%s,\"attendedOn\":\"%s\"}",
                attendanceId, id, title, cecs, attendedOn));
        return attendanceId;
    }

    /** The person's ledger once it holds {@code count} credits (intake credits arrive through the broker). */
    JsonNode awaitCredits(int count) {
        return await(id + " has " + count + " credits").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(300))
                .until(() -> json(sut.ledger(CERTIFICANT, id).get("/api/v1/certificants/{id}/credits", id)
                        .then().statusCode(200).extract().response()), l -> l.path("credits").size() >= count);
    }

    static JsonNode creditTitled(JsonNode ledger, String title) {
        for (JsonNode c : ledger.path("credits")) {
            if (c.path("title").asText().contains(title)) {
                return c;
            }
        }
        throw new AssertionError("no credit titled " + title + " in " + ledger);
    }

    // ------------------------------------------------------------------ audits (audit-service)

    /** The audit of this renewal, once the audit-service drew it (it reads the renewal from the broker). */
    JsonNode awaitAuditOf(String renewalId) {
        return await(id + " audit of " + renewalId).atMost(EVENTUALLY).pollInterval(Duration.ofMillis(300))
                .until(() -> auditOf(renewalId), a -> !a.isMissingNode());
    }

    private JsonNode auditOf(String renewalId) {
        JsonNode page = json(sut.audit(CERTIFICANT, id).get("/api/v1/certificants/{id}/audits", id)
                .then().statusCode(200).extract().response());
        for (JsonNode a : page.path("audits")) {
            if (a.path("renewalId").asText().equals(renewalId)) {
                return a;
            }
        }
        return JSON.missingNode();
    }

    JsonNode audit(String auditId) {
        return json(sut.audit(CERTIFICANT, id).get("/api/v1/audits/{auditId}", auditId).then().statusCode(200).extract().response());
    }

    JsonNode uploadProof(String auditId, String fileName) {
        return json(sut.audit(CERTIFICANT, id).multiPart("file", fileName, PROOF_PDF, "application/pdf")
                .post("/api/v1/audits/{auditId}/documents", auditId).then().statusCode(201).extract().response());
    }

    JsonNode submit(String auditId, List<Map<String, Object>> items) {
        return json(sut.audit(CERTIFICANT, id).contentType(ContentType.JSON).body(Map.of("items", items))
                .post("/api/v1/audits/{auditId}/submission", auditId).then().statusCode(200).extract().response());
    }

    /** An item of the detailed audit form for a credit of the ledger, with documents (may be none for verified credits). */
    static Map<String, Object> item(JsonNode credit, List<String> documentIds) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("creditId", credit.path("creditId").asText());
        item.put("title", credit.path("title").asText());
        item.put("provider", credit.path("provider").asText());
        item.put("completedOn", credit.path("completedOn").asText());
        item.put("cecs", credit.path("cecs").decimalValue());
        item.put("category", credit.path("category").asText());
        item.put("documentIds", documentIds);
        return item;
    }
}
