package org.cecplatform.audit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.contract.ledger.CecEarnedV1;
import org.cecplatform.contract.renewal.CertificationReinstatedV1;
import org.cecplatform.contract.renewal.CertificationRenewedV1;
import org.cecplatform.testsupport.TestKafka;
import org.cecplatform.testsupport.TestTokens;

/** What the other services would send, and short ways to drive and read the audit API in tests. */
final class Fixtures {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Fixtures() {
    }

    static String person() {
        return "cert-" + UUID.randomUUID();
    }

    static Instant ny(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    /**
     * A renewal on time in {@code renewedOn}'s year of the cycle from 10 May three years before to the end of that year:
     * it counted the credits completed from the cycle's start to the renewal date.
     */
    static CertificationRenewedV1 renewal(String person, String level, LocalDate renewedOn) {
        LocalDate previousEnd = LocalDate.of(renewedOn.getYear(), 12, 31);
        return new CertificationRenewedV1(UUID.randomUUID(), person, "RENEWAL", List.of(level), level, renewedOn,
                renewedOn.atStartOfDay(NEW_YORK).toInstant(), LocalDate.of(renewedOn.getYear() - 3, 5, 10),
                previousEnd, previousEnd.plusDays(1), previousEnd.plusYears(3), new BigDecimal("45"),
                new BigDecimal("46"), new BigDecimal("12"), new BigDecimal("60"), "USD",
                LocalDate.of(renewedOn.getYear() - 3, 5, 10), renewedOn);
    }

    static CertificationReinstatedV1 reinstatement(String person, String level, LocalDate reinstatedOn) {
        return new CertificationReinstatedV1(UUID.randomUUID(), person, List.of(level), level, reinstatedOn,
                reinstatedOn.atStartOfDay(NEW_YORK).toInstant(), LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31),
                LocalDate.of(2026, 7, 1), reinstatedOn.minusDays(1), reinstatedOn,
                LocalDate.of(reinstatedOn.getYear() + 3, 12, 31), new BigDecimal("45"), new BigDecimal("45"),
                BigDecimal.ZERO, new BigDecimal("165"), "USD", LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31));
    }

    static String send(String topic, String type, String person, Object payload) {
        return send(topic, type, person, payload, UUID.randomUUID().toString());
    }

    /** Produces a binary-mode CloudEvent as the topic's owner does (its relay's source, e.g. the ledger-service's). */
    static String send(String topic, String type, String person, Object payload, String eventId) {
        return sendFrom(Topics.ownerSource(topic).orElseThrow(), topic, type, person, payload, eventId);
    }

    /** Produces a binary-mode CloudEvent with this {@code ce_source} (none when null): forged, unless the owner's. */
    static String sendFrom(String source, String topic, String type, String person, Object payload, String eventId) {
        TestKafka.send(topic, person, json(payload), TestKafka.cloudEventHeaders(eventId, type, source, person));
        return eventId;
    }

    static String sendRenewed(CertificationRenewedV1 renewal) {
        return send(Topics.RENEWALS, EventTypes.CERTIFICATION_RENEWED, renewal.certificantId(), renewal);
    }

    static UUID sendVerifiedCredit(String person, LocalDate completedOn, String cecs) {
        UUID creditId = UUID.randomUUID();
        send(Topics.LEDGER, EventTypes.CEC_EARNED, person, verifiedCredit(creditId, person, completedOn, cecs));
        return creditId;
    }

    /** A ceOnline credit of the ledger, as its CECEarned carries it. */
    static CecEarnedV1 verifiedCredit(UUID creditId, String person, LocalDate completedOn, String cecs) {
        return new CecEarnedV1(creditId, person, "CE_ONLINE", true, "GENERAL", "ceOnline course", "ACSM",
                "ACSM_APPROVED_PROVIDER", completedOn, new CecEarnedV1.Reported(new BigDecimal(cecs), "CEC"),
                new BigDecimal(cecs), "lms-" + creditId, null, "ceonline",
                completedOn.atStartOfDay(NEW_YORK).toInstant());
    }

    /** A self-reported (unverified) credit of the ledger. */
    static UUID sendSelfReportedCredit(String person, LocalDate completedOn, String category, String cecs) {
        UUID creditId = UUID.randomUUID();
        send(Topics.LEDGER, EventTypes.CEC_EARNED, person, new CecEarnedV1(creditId, person, "SELF_REPORTED", false,
                category, "Regional workshop", "Regional Fitness Association", "MAJOR_FITNESS_ORGANIZATION",
                completedOn, new CecEarnedV1.Reported(new BigDecimal(cecs), "CEC"), new BigDecimal(cecs), null, null,
                person, completedOn.atStartOfDay(NEW_YORK).toInstant()));
        return creditId;
    }

    static String json(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the person has {@code count} audits and returns the newest one's id. */
    static String awaitAudit(String person, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> audits(person).jsonPath().getInt("totalItems") >= count);
        return audits(person).jsonPath().getString("audits[0].auditId");
    }

    static Response audits(String person) {
        return given().auth().oauth2(TestTokens.staff()).get("/api/v1/certificants/{id}/audits", person)
                .then().statusCode(200).extract().response();
    }

    static Response audit(String auditId) {
        return given().auth().oauth2(TestTokens.staff()).get("/api/v1/audits/{id}", auditId)
                .then().statusCode(200).extract().response();
    }

    static String status(String auditId) {
        return audit(auditId).jsonPath().getString("status");
    }

    /** Uploads as the person; returns the response (201 with the document, or a problem). */
    static Response upload(String token, String auditId, byte[] bytes, String fileName, String declaredType) {
        return given().auth().oauth2(token).multiPart("file", fileName, bytes, declaredType)
                .when().post("/api/v1/audits/{id}/documents", auditId).then().extract().response();
    }

    static String uploadPng(String person, String auditId) {
        Response created = upload(TestTokens.certificant(person), auditId, png(), "certificate.png", "image/png");
        if (created.statusCode() != 201) {
            throw new AssertionError("upload failed: " + created.asString());
        }
        return created.jsonPath().getString("documentId");
    }

    static Response submit(String person, String auditId, String body) {
        return given().auth().oauth2(TestTokens.certificant(person)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/audits/{id}/submission", auditId).then().extract().response();
    }

    static String oneItem(String documentId, String cecs) {
        return "{\"items\":[{\"title\":\"Strength and conditioning workshop\",\"provider\":\"NSCA\","
                + "\"completedOn\":\"2026-05-01\",\"cecs\":" + cecs + ",\"category\":\"GENERAL\","
                + "\"documentIds\":[\"" + documentId + "\"]}]}";
    }

    static Response runJob(String name) {
        return given().auth().oauth2(TestTokens.staff()).post("/api/v1/admin/jobs/{name}", name)
                .then().statusCode(200).extract().response();
    }

    /** The audit events of one person, waiting for at least {@code count}. */
    static List<ConsumerRecord<String, String>> auditEvents(String person, int count) {
        return TestKafka.read(Topics.AUDITS, r -> person.equals(r.key()), count, Duration.ofSeconds(30));
    }

    static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> TestKafka.header(r, CloudEventHeaders.TYPE)).toList();
    }

    static byte[] png() {
        return image("png", 0x3366cc);
    }

    static byte[] jpeg() {
        return image("jpg", 0xcc6633);
    }

    private static byte[] image(String format, int rgb) {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 20; y++) {
                image.setRGB(x, y, (x * y) % 2 == 0 ? rgb : 0xffffff);
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small but real PDF (one empty page). */
    static byte[] pdf() {
        String pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n";
        return pdf.getBytes(StandardCharsets.US_ASCII);
    }
}
