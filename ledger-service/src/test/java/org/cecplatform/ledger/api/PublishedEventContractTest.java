package org.cecplatform.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.ledger.LedgerFixtures.as;
import static org.cecplatform.ledger.LedgerFixtures.credit;
import static org.cecplatform.ledger.LedgerFixtures.creditRows;
import static org.cecplatform.ledger.LedgerFixtures.creditsPath;
import static org.cecplatform.ledger.LedgerFixtures.eventLog;
import static org.cecplatform.ledger.LedgerFixtures.newCertificant;
import static org.cecplatform.ledger.LedgerFixtures.selfReportedId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.ledger.LedgerFixtures;
import org.cecplatform.testsupport.TestKafka;
import org.cecplatform.testsupport.TestTokens;
import org.cecplatform.testsupport.contract.EventSchemas;
import org.junit.jupiter.api.Test;

/** What the ledger publishes on cec.ledger.v1 is exactly what its JSON Schemas and AsyncAPI document promise. */
@QuarkusTest
class PublishedEventContractTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyPublishedLedgerEventMatchesItsSchemaAndCarriesTheCloudEventHeaders() throws Exception {
        String person = newCertificant();
        String selfReported = selfReportedId(person, credit("GENERAL", "2026-02-01", 0.5, "CEU"));
        Map<String, Object> course = credit("COLLEGE_COURSE", "2026-01-15", 2, "COLLEGE_CREDIT_HOUR");
        course.put("providerKind", "ACCREDITED_COLLEGE");
        course.put("grade", "A-");
        as(TestTokens.staff()).body(course).post(creditsPath(person)).then().statusCode(201);
        TestKafka.send(Topics.LMS_COURSE_COMPLETIONS, person, "{\"completionId\":\"cmp-" + UUID.randomUUID()
                + "\",\"memberId\":\"" + person + "\",\"courseTitle\":\"Balance\",\"cecs\":1.25,"
                + "\"completedAt\":\"2026-03-01T10:00:00Z\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> creditRows(person) == 3);
        as(TestTokens.staff()).body(Map.of("reason", "wrong year")).post(creditsPath(person) + "/" + selfReported
                + "/void").then().statusCode(200);

        List<ConsumerRecord<String, String>> published = TestKafka.read(Topics.LEDGER,
                r -> person.equals(r.key()), 4, Duration.ofSeconds(30));
        List<LedgerFixtures.LoggedEvent> logged = eventLog(person);
        assertThat(published).hasSize(4);
        assertThat(published).extracting(r -> TestKafka.header(r, CloudEventHeaders.TYPE)).containsExactly(
                EventTypes.CEC_EARNED, EventTypes.CEC_EARNED, EventTypes.CEC_EARNED, EventTypes.CEC_VOIDED);

        for (int i = 0; i < published.size(); i++) {
            ConsumerRecord<String, String> record = published.get(i);
            EventSchemas.assertValid(record);
            JsonNode data = JSON.readTree(record.value());
            assertThat(record.key()).isEqualTo(person);
            assertThat(data.get("certificantId").asText()).isEqualTo(person);
            assertThat(TestKafka.header(record, CloudEventHeaders.ID)).isEqualTo(logged.get(i).eventId().toString());
            assertThat(TestKafka.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(person);
            assertThat(TestKafka.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(TestKafka.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/cec-platform/ledger-service");
            assertThat(TestKafka.header(record, CloudEventHeaders.TIME)).isNotBlank();
        }
    }
}
