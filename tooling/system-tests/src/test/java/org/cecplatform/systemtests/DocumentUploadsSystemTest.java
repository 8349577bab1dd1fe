package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.systemtests.Certificant.noon;
import static org.cecplatform.systemtests.SystemUnderTest.CERTIFICANT;
import static org.cecplatform.systemtests.SystemUnderTest.STAFF;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.cecplatform.localstack.LocalStackCluster;
import org.cecplatform.localstack.PlatformService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;

/**
 * Documents are streamed, not held in memory: eight 10 MB uploads at once to the packaged audit-service running with
 * its production heap (the stack's default JVM options, -Xmx96m) all succeed with the right SHA-256 and read back
 * byte for byte; bodies over their limits are 413 with a problem body.
 */
@SystemTest
class DocumentUploadsSystemTest {

    static final int TEN_MB = 10 * 1024 * 1024;
    static final int CONCURRENT = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void systemTime(SystemUnderTest sut) {
        sut.resetClockEverywhere();
    }

    @Test
    void eightConcurrentTenMegabyteUploadsSucceedOnTheProductionHeap(SystemUnderTest sut) throws Exception {
        assertThat(LocalStackCluster.DEFAULT_SERVICE_JVM_OPTIONS).as("the stack runs the services with the production heap")
                .contains("-Xmx96m");
        Certificant person = Certificant.fresh(sut, "uploads");
        String auditId = openAudit(sut, person);
        String token = sut.token(CERTIFICANT, person.id);
        long pid = sut.cluster().pid(PlatformService.AUDIT);

        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            files.add(pdfOf(TEN_MB, i));
        }
        long begin = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        List<Future<HttpResponse<String>>> uploads = new ArrayList<>();
        try {
            for (byte[] file : files) {
                uploads.add(pool.submit(() -> upload(sut, auditId, token, file)));
            }
            for (int i = 0; i < CONCURRENT; i++) {
                HttpResponse<String> response = uploads.get(i).get();
                assertThat(response.statusCode()).as("upload %d: %s", i, response.body()).isEqualTo(201);
                JsonNode created = JSON.readTree(response.body());
                assertThat(created.path("size").asLong()).isEqualTo(TEN_MB);
                assertThat(created.path("sha256").asText()).as("upload %d", i).isEqualTo(sha256(files.get(i)));
                assertThat(created.path("contentType").asText()).isEqualTo("application/pdf");
                assertThat(download(sut, auditId, created.path("documentId").asText(), token)).as("download %d", i)
                        .isEqualTo(sha256(files.get(i)));
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("[uploads] %d × 10 MB at once to audit-service (%s): all stored and read back in %.1f s; RSS %d MB%n",
                CONCURRENT, String.join(" ", LocalStackCluster.DEFAULT_SERVICE_JVM_OPTIONS), (System.nanoTime() - begin) / 1e9,
                sut.cluster().rssKb(PlatformService.AUDIT) / 1024);
        assertThat(sut.cluster().pid(PlatformService.AUDIT)).as("the same audit-service process, never restarted").isEqualTo(pid);
        assertThat(sut.isReady(PlatformService.AUDIT, Duration.ofSeconds(5))).isTrue();
        JsonNode accesses = Certificant.json(sut.audit(STAFF, "uploads-staff")
                .get("/api/v1/audits/{a}/documents/{d}/access", auditId, Certificant.json(sut.audit(STAFF, "uploads-staff")
                        .get("/api/v1/audits/{a}", auditId).then().statusCode(200).extract().response())
                        .path("documents").get(0).path("documentId").asText())
                .then().statusCode(200).extract().response());
        assertThat(accesses.path("accesses").get(0).path("accessedBy").asText()).isEqualTo(person.id);
    }

    @Test
    void bodiesOverTheirLimitsAre413WithAProblemAndNothingIsStored(SystemUnderTest sut) throws Exception {
        Certificant person = Certificant.fresh(sut, "too-large");
        String auditId = openAudit(sut, person);
        String token = sut.token(CERTIFICANT, person.id);

        // Declared over the upload route's limit: refused before the body is read.
        HttpResponse<String> declared = upload(sut, auditId, token, pdfOf(TEN_MB + 512 * 1024, 99));
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(declared.body()).path("type").asText()).isEqualTo("urn:cec:problem:body-too-large");

        // Sent chunked (REST Assured's multipart), one byte over 10 MB: the file itself is measured.
        sut.audit(CERTIFICANT, person.id).multiPart("file", "big.pdf", pdfOf(TEN_MB + 1, 98), "application/pdf")
                .post("/api/v1/audits/{a}/documents", auditId)
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:cec:problem:document-too-large"));

        // A JSON body over 256 KB on another service.
        sut.ledger(CERTIFICANT, person.id).contentType(ContentType.JSON)
                .body("{\"title\":\"" + "x".repeat(300 * 1024) + "\"}")
                .post("/api/v1/certificants/{id}/credits", person.id)
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:cec:problem:body-too-large"));

        assertThat(person.audit(auditId).path("documents").size()).as("documents stored").isZero();
    }

    /** A CPT renews on time and is audited (the system tests sample every CPT renewal): the audit's id. */
    private static String openAudit(SystemUnderTest sut, Certificant person) {
        sut.setClockEverywhere(noon("2030-06-01"));
        person.grant("CPT", "2027-03-01");
        person.selfReport("Strength and conditioning course", "45", "2029-05-01");
        person.awaitTracked("CPT", "45");
        JsonNode renewal = Certificant.json(person.renew(person.renewalForm(List.of("CPT"), "0", "45", "2030-06-01"))
                .then().statusCode(200).extract().response());
        return person.awaitAuditOf(renewal.path("renewalId").asText()).path("auditId").asText();
    }

    /** A multipart upload with its Content-Length (the body is built in memory here, on the client's side). */
    private HttpResponse<String> upload(SystemUnderTest sut, String auditId, String token, byte[] file) throws IOException,
            InterruptedException {
        String boundary = "upload-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(file.length + 512);
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"proof.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest request = HttpRequest.newBuilder(URI.create(sut.baseUrl(PlatformService.AUDIT) + "/api/v1/audits/" + auditId
                        + "/documents"))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The SHA-256 of the downloaded bytes, read as a stream. */
    private String download(SystemUnderTest sut, String auditId, String documentId, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sut.baseUrl(PlatformService.AUDIT) + "/api/v1/audits/" + auditId
                        + "/documents/" + documentId))
                .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A PDF head (what the content sniffing needs) followed by seeded random bytes up to {@code size}. */
    static byte[] pdfOf(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        System.arraycopy(Certificant.PROOF_PDF, 0, bytes, 0, Certificant.PROOF_PDF.length);
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
