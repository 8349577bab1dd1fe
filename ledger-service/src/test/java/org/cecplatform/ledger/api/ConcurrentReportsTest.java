package org.cecplatform.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.ledger.LedgerFixtures.as;
import static org.cecplatform.ledger.LedgerFixtures.credit;
import static org.cecplatform.ledger.LedgerFixtures.creditsPath;
import static org.cecplatform.ledger.LedgerFixtures.eventLog;
import static org.cecplatform.ledger.LedgerFixtures.history;
import static org.cecplatform.ledger.LedgerFixtures.newCertificant;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.cecplatform.contract.Topics;
import org.cecplatform.ledger.LedgerFixtures;
import org.cecplatform.testsupport.TestKafka;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConcurrentReportsTest {

    @Test
    void fiftyConcurrentSelfReportsForOnePersonAreAllRecordedWithDistinctSequences() throws Exception {
        String person = newCertificant();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<String> creditIds = new ArrayList<>();
        try {
            List<Future<Response>> reports = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                reports.add(pool.submit(() -> as(TestTokens.certificant(person))
                        .body(credit("GENERAL", "2026-03-01", 1, "CEC")).post(creditsPath(person))));
            }
            for (Future<Response> report : reports) {
                Response response = report.get();
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
                creditIds.add(response.path("creditId"));
            }
        } finally {
            pool.shutdown();
        }

        assertThat(creditIds).doesNotHaveDuplicates().hasSize(50);
        List<LedgerFixtures.LoggedEvent> logged = eventLog(person);
        assertThat(logged).hasSize(50);
        assertThat(logged.stream().map(LedgerFixtures.LoggedEvent::sequence).collect(Collectors.toSet()))
                .isEqualTo(LongStream.rangeClosed(1, 50).boxed().collect(Collectors.toSet()));
        history(person).body("totalItems", equalTo(50)).body("totals.cecs", equalTo(50.0f));
        assertThat(TestKafka.read(Topics.LEDGER, r -> person.equals(r.key()), 50, Duration.ofSeconds(30)))
                .hasSize(50);
    }
}
