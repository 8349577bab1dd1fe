package org.cecplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.audit.Fixtures.audit;
import static org.cecplatform.audit.Fixtures.upload;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.cecplatform.audit.persistence.DocumentChunks;
import org.cecplatform.testsupport.TestDatabase;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** Documents are stored in chunks and held to their limits: 10 MB a file, 50 an audit, 256 KB for JSON bodies. */
@QuarkusTest
class DocumentLimitsTest extends WithAnAuditOpenedOnMarchFirst {

    @TestHTTPResource("/")
    URI base;

    @Test
    void documentsOfSeveralChunksRoundTripByteForByte() throws Exception {
        // Three and a bit chunks, and exactly two (the boundary), each a PNG head followed by varied bytes.
        for (int size : new int[] {3 * DocumentChunks.CHUNK_BYTES + 17, 2 * DocumentChunks.CHUNK_BYTES}) {
            byte[] bytes = pngOf(size);
            Response created = upload(TestTokens.certificant(person), auditId, bytes, "scan.png", "image/png");
            assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
            String documentId = created.jsonPath().getString("documentId");
            assertThat(created.jsonPath().getLong("size")).isEqualTo(size);
            assertThat(created.jsonPath().getString("sha256")).isEqualTo(sha256(bytes));
            assertThat(TestDatabase.firstRow("select count(*) from audit_document_chunk where document_id = ?::uuid",
                    rs -> rs.getLong(1), documentId)).hasValue((long) (size + DocumentChunks.CHUNK_BYTES - 1) / DocumentChunks.CHUNK_BYTES);

            Response back = given().auth().oauth2(TestTokens.staff())
                    .get("/api/v1/audits/{a}/documents/{d}", auditId, documentId)
                    .then().statusCode(200).contentType("image/png").extract().response();
            assertThat(back.header("Content-Length")).isEqualTo(Integer.toString(size));
            assertThat(back.asByteArray()).isEqualTo(bytes);
        }
    }

    @Test
    void theFiftyFirstDocumentOfAnAuditIs409AndNothingIsStored() {
        byte[] png = Fixtures.png();
        for (int i = 0; i < 50; i++) {
            upload(TestTokens.certificant(person), auditId, png, "p" + i + ".png", "image/png").then().statusCode(201);
        }
        upload(TestTokens.certificant(person), auditId, png, "one-too-many.png", "image/png")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:cec:problem:too-many-documents"))
                .body("status", equalTo(409));
        assertThat(audit(auditId).jsonPath().getList("documents")).hasSize(50);
    }

    @Test
    void anUploadDeclaredOverTheRoutesLimitIs413BeforeItIsReadAndNothingIsStored() throws Exception {
        byte[] tooBig = Arrays.copyOf(Fixtures.png(), 10_304 * 1024 + 1);
        // A multipart body with its Content-Length (REST Assured would send it chunked): judged before it is read.
        String boundary = "limit-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(tooBig);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest request = HttpRequest.newBuilder(documentsUrl(auditId))
                .header("Authorization", "Bearer " + TestTokens.certificant(person))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:cec:problem:body-too-large\"", "\"title\":\"Payload too large\"");
        assertThat(audit(auditId).jsonPath().getList("documents")).isEmpty();
    }

    @Test
    void aJsonBodyOver256KilobytesIs413AndChangesNothing() {
        String padding = "x".repeat(256 * 1024);
        given().auth().oauth2(TestTokens.certificant(person)).contentType(ContentType.JSON)
                .body("{\"items\": [{\"title\": \"" + padding + "\", \"provider\": \"NSCA\", \"completedOn\": \"2026-05-01\","
                        + " \"cecs\": 45, \"category\": \"GENERAL\", \"documentIds\": []}]}")
                .when().post("/api/v1/audits/{id}/submission", auditId)
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:cec:problem:body-too-large"));
        assertThat(Fixtures.status(auditId)).isEqualTo("OPEN");
    }

    private URI documentsUrl(String auditId) {
        return URI.create(base.toString().replaceAll("/$", "") + "/api/v1/audits/" + auditId + "/documents");
    }

    static byte[] pngOf(int size) {
        byte[] bytes = Arrays.copyOf(Fixtures.png(), size);
        for (int i = Fixtures.png().length; i < size; i++) {
            bytes[i] = (byte) (i * 31 + i / 7);
        }
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
