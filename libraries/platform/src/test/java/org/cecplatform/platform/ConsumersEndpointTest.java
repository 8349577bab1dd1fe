package org.cecplatform.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.cecplatform.testsupport.TestKafka;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsumersEndpointTest {

    static final String INTAKE = "platform.notes-intake.v1";
    static final String GROUP = "groups.find { it.group == 'platform-test' }";

    @Test
    void theServiceGroupCommitsPastANewRecordAndIsLeftWithNoLag() {
        String person = "cert-" + UUID.randomUUID();
        RecordMetadata sent = TestKafka.send(INTAKE, person, "{\"noteId\":\"n-" + UUID.randomUUID()
                + "\",\"certificantId\":\"" + person + "\",\"text\":\"lag\"}");
        String partition = GROUP + ".partitions.find { it.partition == " + sent.partition() + " }";

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath answer = consumers();
            Long committed = answer.getObject(partition + ".committedOffset", Long.class);
            return committed != null && committed > sent.offset() && answer.getLong(GROUP + ".totalLag") == 0;
        });

        JsonPath answer = consumers();
        assertThat(answer.getList(GROUP + ".partitions.topic", String.class)).isNotEmpty().containsOnly(INTAKE);
        assertThat(answer.getLong(partition + ".endOffset")).isGreaterThan(sent.offset());
        assertThat(answer.getList(GROUP + ".partitions.lag", Long.class)).containsOnly(0L);
    }

    @Test
    void auditorsMayLookCertificantsMayNot() {
        given().auth().oauth2(TestTokens.auditor()).when().get("/api/v1/admin/consumers").then().statusCode(200);
        given().auth().oauth2(TestTokens.certificant("c-1")).when().get("/api/v1/admin/consumers")
                .then().statusCode(403).body("type", equalTo("urn:cec:problem:forbidden"));
    }

    private static JsonPath consumers() {
        return given().auth().oauth2(TestTokens.staff()).when().get("/api/v1/admin/consumers")
                .then().statusCode(200).extract().jsonPath();
    }
}
