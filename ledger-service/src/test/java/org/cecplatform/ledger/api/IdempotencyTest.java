package org.cecplatform.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.ledger.LedgerFixtures.as;
import static org.cecplatform.ledger.LedgerFixtures.ceuCredit;
import static org.cecplatform.ledger.LedgerFixtures.creditRows;
import static org.cecplatform.ledger.LedgerFixtures.creditsPath;
import static org.cecplatform.ledger.LedgerFixtures.eventLog;
import static org.cecplatform.ledger.LedgerFixtures.newCertificant;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyTest {

    private static Response post(String person, String key, Map<String, Object> body) {
        return as(TestTokens.certificant(person)).header("Idempotency-Key", key).body(body).post(creditsPath(person));
    }

    @Test
    void theSameKeyAndBodyAgainAnswersTheFirstCreditAndRecordsNothingNew() {
        String person = newCertificant();
        String key = UUID.randomUUID().toString();

        Response first = post(person, key, ceuCredit("2026-04-01"));
        first.then().statusCode(201);
        Response again = post(person, key, ceuCredit("2026-04-01"));

        again.then().statusCode(201).body("creditId", equalTo(first.path("creditId")))
                .body("recordedAt", equalTo(first.path("recordedAt")));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(creditRows(person)).isEqualTo(1);
        assertThat(eventLog(person)).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndTheFirstCreditStands() {
        String person = newCertificant();
        String key = UUID.randomUUID().toString();
        post(person, key, ceuCredit("2026-04-01")).then().statusCode(201);

        Map<String, Object> other = ceuCredit("2026-04-01");
        other.put("amount", 0.6);
        post(person, key, other).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:cec:problem:idempotency-key-reused"))
                .body("violations[0].field", equalTo("Idempotency-Key"));

        assertThat(creditRows(person)).isEqualTo(1);
        assertThat(eventLog(person)).hasSize(1);
    }

    @Test
    void anAmountWrittenDifferentlyIsTheSameRequest() {
        String person = newCertificant();
        String key = UUID.randomUUID().toString();
        Map<String, Object> half = ceuCredit("2026-04-01");
        half.put("amount", "0.50");
        String first = post(person, key, ceuCredit("2026-04-01")).then().statusCode(201).extract().path("creditId");
        post(person, key, half).then().statusCode(201).body("creditId", equalTo(first));
    }

    @Test
    void keysBelongToOnePersonAndDifferentKeysRecordDifferentCredits() {
        String person = newCertificant();
        String other = newCertificant();
        String key = UUID.randomUUID().toString();
        post(person, key, ceuCredit("2026-04-01")).then().statusCode(201);
        post(other, key, ceuCredit("2026-04-01")).then().statusCode(201);
        post(person, UUID.randomUUID().toString(), ceuCredit("2026-04-01")).then().statusCode(201);

        assertThat(creditRows(person)).isEqualTo(2);
        assertThat(creditRows(other)).isEqualTo(1);
    }

    @Test
    void anInvalidRequestWithAKeyRecordsNothingAndTheKeyStaysFree() {
        String person = newCertificant();
        String key = UUID.randomUUID().toString();
        Map<String, Object> invalid = ceuCredit("2026-04-01");
        invalid.put("inScope", false);
        post(person, key, invalid).then().statusCode(422).body("violations[0].field", equalTo("inScope"));
        post(person, key, ceuCredit("2026-04-01")).then().statusCode(201);
        assertThat(creditRows(person)).isEqualTo(1);
    }

    @Test
    void anOverlongKeyIsRefused() {
        String person = newCertificant();
        post(person, "k".repeat(256), ceuCredit("2026-04-01")).then().statusCode(422)
                .body("violations[0].field", equalTo("Idempotency-Key"));
        assertThat(creditRows(person)).isZero();
    }

    @Test
    void concurrentRetriesWithOneKeyRecordOneCredit() throws Exception {
        String person = newCertificant();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Response>> posts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                posts.add(pool.submit(() -> post(person, key, ceuCredit("2026-04-01"))));
            }
            Set<String> creditIds = new HashSet<>();
            for (Future<Response> post : posts) {
                Response response = post.get();
                assertThat(response.statusCode()).isEqualTo(201);
                creditIds.add(response.path("creditId"));
            }
            assertThat(creditIds).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(creditRows(person)).isEqualTo(1);
        assertThat(eventLog(person)).hasSize(1);
    }
}
