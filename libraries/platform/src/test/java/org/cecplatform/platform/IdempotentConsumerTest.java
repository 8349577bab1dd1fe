package org.cecplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.Topics;
import org.cecplatform.platform.fixture.NoteIntake;
import org.cecplatform.platform.messaging.ProcessedEvents;
import org.cecplatform.testsupport.TestKafka;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotentConsumerTest {

    static final String INTAKE = "platform.notes-intake.v1";

    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metricsUrl;

    @Inject
    NoteIntake intake;
    @Inject
    ProcessedEvents processed;

    @Test
    void theSameMessageDeliveredTwiceIsHandledOnce() {
        String person = "cert-" + UUID.randomUUID();
        String note = json("n-" + UUID.randomUUID(), person, "twice");
        TestKafka.send(INTAKE, person, note);
        TestKafka.send(INTAKE, person, note);
        String marker = json("n-" + UUID.randomUUID(), person, "after");
        TestKafka.send(INTAKE, person, marker);

        // The marker comes after both copies on the same partition: once it is stored, both copies were handled.
        await().atMost(Duration.ofSeconds(30)).until(() -> count(person) >= 2);
        assertThat(count(person)).isEqualTo(2);
        String metrics = io.restassured.RestAssured.get(metricsUrl).asString();
        assertThat(metrics).containsPattern("cec_consumer_duplicates_total\\{consumer=\"platform-test.notes\"[^}]*} [1-9]");
        assertThat(metrics).contains("cec_outbox_unpublished");
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicWithItsReasonAndTheNextMessageIsProcessed() {
        String person = "cert-" + UUID.randomUUID();
        TestKafka.send(INTAKE, person, "{\"noteId\": \"truncated");
        TestKafka.send(INTAKE, person, "null");
        TestKafka.send(INTAKE, person, json("n-" + UUID.randomUUID(), person, "poison"));
        TestKafka.send(INTAKE, person, json("n-" + UUID.randomUUID(), person, "healthy"));

        await().atMost(Duration.ofSeconds(30)).until(() -> count(person) == 1);

        List<ConsumerRecord<String, String>> dead = TestKafka.read(Topics.deadLetter(INTAKE),
                r -> person.equals(r.key()), 3, Duration.ofSeconds(30));
        assertThat(dead).hasSize(3);
        assertThat(dead.get(0).value()).isEqualTo("{\"noteId\": \"truncated");
        assertThat(TestKafka.header(dead.get(0), CloudEventHeaders.DLQ_REASON)).startsWith("unreadable NoteWritten");
        assertThat(TestKafka.header(dead.get(1), CloudEventHeaders.DLQ_REASON))
                .isEqualTo("message body is JSON null, not a NoteWritten");
        assertThat(TestKafka.header(dead.get(2), CloudEventHeaders.DLQ_REASON)).isEqualTo("poison is not a note");
        assertThat(TestKafka.header(dead.get(2), CloudEventHeaders.DLQ_TOPIC)).isEqualTo(INTAKE);
        assertThat(TestKafka.header(dead.get(2), CloudEventHeaders.DLQ_CONSUMER)).isEqualTo("platform-test.notes");
        assertThat(TestKafka.header(dead.get(2), CloudEventHeaders.DLQ_OFFSET)).isNotBlank();
    }

    @Test
    void aBatchOfKeysIsNewOnlyAtEachKeysFirstOccurrenceAndNeverAgain() {
        String a = "k-" + UUID.randomUUID();
        String b = "k-" + UUID.randomUUID();
        String c = "k-" + UUID.randomUUID();
        boolean[] first = QuarkusTransaction.requiringNew()
                .call(() -> processed.firstTimeAll("batch-test", List.of(a, b, a)));
        assertThat(first).containsExactly(true, true, false);
        boolean[] second = QuarkusTransaction.requiringNew()
                .call(() -> processed.firstTimeAll("batch-test", List.of(b, c)));
        assertThat(second).containsExactly(false, true);
        assertThat(QuarkusTransaction.requiringNew().call(() -> processed.firstTime("batch-test", c))).isFalse();
        assertThat(QuarkusTransaction.requiringNew().call(() -> processed.firstTime("other-consumer", a))).isTrue();
    }

    private long count(String person) {
        return QuarkusTransaction.requiringNew().call(() -> intake.count(person));
    }

    private static String json(String noteId, String person, String text) {
        return "{\"noteId\":\"" + noteId + "\",\"certificantId\":\"" + person + "\",\"text\":\"" + text + "\"}";
    }
}
