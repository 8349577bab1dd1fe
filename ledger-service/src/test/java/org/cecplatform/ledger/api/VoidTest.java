package org.cecplatform.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.ledger.LedgerFixtures.as;
import static org.cecplatform.ledger.LedgerFixtures.credit;
import static org.cecplatform.ledger.LedgerFixtures.creditsPath;
import static org.cecplatform.ledger.LedgerFixtures.eventLog;
import static org.cecplatform.ledger.LedgerFixtures.history;
import static org.cecplatform.ledger.LedgerFixtures.newCertificant;
import static org.cecplatform.ledger.LedgerFixtures.selfReportedId;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

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
import org.cecplatform.testsupport.TestKafka;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VoidTest {

    private static String voidPath(String person, String creditId) {
        return creditsPath(person) + "/" + creditId + "/void";
    }

    @Test
    void aVoidRemovesTheCreditFromTheTotalsKeepsItInTheHistoryAndPublishesCecVoided() throws Exception {
        String person = newCertificant();
        String kept = selfReportedId(person, credit("GENERAL", "2026-01-10", 2, "CEC"));
        String wrong = selfReportedId(person, credit("GENERAL", "2026-02-10", 0.5, "CEU"));
        history(person).body("totals.cecs", equalTo(7.0f));

        as(TestTokens.staff()).body(Map.of("reason", "certificate shows a different person"))
                .post(voidPath(person, wrong)).then().statusCode(200)
                .body("creditId", equalTo(wrong))
                .body("voided", equalTo(true))
                .body("voidReason", equalTo("certificate shows a different person"))
                .body("voidedBy", equalTo("staff-1"))
                .body("voidedAt", notNullValue());

        history(person)
                .body("totalItems", equalTo(2))
                .body("credits[0].creditId", equalTo(wrong))
                .body("credits[0].voided", equalTo(true))
                .body("credits[0].voidReason", equalTo("certificate shows a different person"))
                .body("credits[1].creditId", equalTo(kept))
                .body("credits[1].voided", equalTo(false))
                .body("totals.cecs", equalTo(2.0f))
                .body("totals.byCategory.GENERAL", equalTo(2.0f));

        List<ConsumerRecord<String, String>> published = TestKafka.read(Topics.LEDGER,
                r -> person.equals(r.key()), 3, Duration.ofSeconds(30));
        assertThat(published).hasSize(3);
        ConsumerRecord<String, String> voided = published.get(2);
        assertThat(TestKafka.header(voided, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.CEC_VOIDED);
        assertThat(TestKafka.header(voided, CloudEventHeaders.ID)).isEqualTo(eventLog(person).get(2).eventId().toString());
        JsonNode data = new ObjectMapper().readTree(voided.value());
        assertThat(data.get("creditId").asText()).isEqualTo(wrong);
        assertThat(data.get("certificantId").asText()).isEqualTo(person);
        assertThat(data.get("reason").asText()).isEqualTo("certificate shows a different person");
        assertThat(data.get("voidedBy").asText()).isEqualTo("staff-1");
        assertThat(data.get("completedOn").asText()).isEqualTo("2026-02-10");
        assertThat(data.get("category").asText()).isEqualTo("GENERAL");
        assertThat(data.get("cecs").decimalValue()).isEqualByComparingTo("5");
        assertThat(eventLog(person)).extracting(e -> e.sequence()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void voidingTwiceIs409AndPublishesNothingMore() {
        String person = newCertificant();
        String id = selfReportedId(person, credit("GENERAL", "2026-01-10", 2, "CEC"));
        as(TestTokens.staff()).body(Map.of("reason", "duplicate")).post(voidPath(person, id)).then().statusCode(200);

        as(TestTokens.staff()).body(Map.of("reason", "duplicate again")).post(voidPath(person, id)).then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:cec:problem:credit-already-voided"));
        assertThat(eventLog(person)).hasSize(2);
        history(person).body("credits[0].voidReason", equalTo("duplicate"));
    }

    @Test
    void aVoidNeedsAReason() {
        String person = newCertificant();
        String id = selfReportedId(person, credit("GENERAL", "2026-01-10", 2, "CEC"));
        as(TestTokens.staff()).body(Map.of("reason", "  ")).post(voidPath(person, id)).then().statusCode(422)
                .body("violations[0].field", equalTo("reason"));
        as(TestTokens.staff()).body("{}").post(voidPath(person, id)).then().statusCode(422);
        as(TestTokens.staff()).post(voidPath(person, id)).then().statusCode(422);
        history(person).body("credits[0].voided", equalTo(false)).body("totals.cecs", equalTo(2.0f));
        assertThat(eventLog(person)).hasSize(1);
    }

    @Test
    void anUnknownCreditOrAnotherPersonsCreditIs404() {
        String person = newCertificant();
        String other = newCertificant();
        String id = selfReportedId(person, credit("GENERAL", "2026-01-10", 2, "CEC"));
        as(TestTokens.staff()).body(Map.of("reason", "x")).post(voidPath(person, UUID.randomUUID().toString()))
                .then().statusCode(404).contentType("application/problem+json");
        as(TestTokens.staff()).body(Map.of("reason", "x")).post(voidPath(other, id)).then().statusCode(404);
        history(person).body("credits[0].voided", equalTo(false));
    }

    @Test
    void onlyStaffVoid() {
        String person = newCertificant();
        String id = selfReportedId(person, credit("GENERAL", "2026-01-10", 2, "CEC"));
        as(TestTokens.certificant(person)).body(Map.of("reason", "mine")).post(voidPath(person, id)).then()
                .statusCode(403);
        as(TestTokens.auditor()).body(Map.of("reason", "x")).post(voidPath(person, id)).then().statusCode(403);
        history(person).body("credits[0].voided", equalTo(false));
    }
}
