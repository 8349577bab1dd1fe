package org.cecplatform.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cecplatform.platform.fixture.NoteIntake;
import org.cecplatform.platform.messaging.IdempotentConsumer;
import org.cecplatform.testsupport.TestKafka;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** Dead letters remembered by the service, listed by its API and requeued to the consumer that rejected them. */
@QuarkusTest
class DeadLetterRequeueTest {

    static final String INTAKE = IdempotentConsumerTest.INTAKE;

    @Inject
    NoteIntake intake;
    @Inject
    IdempotentConsumer consumers;
    @Inject
    MeterRegistry metrics;

    /** Registered by the start-up observer every EventConsumer inherits: a requeue never waits for a delivery. */
    @Test
    void aConsumerIsRegisteredForRequeuesAtStartUp() {
        assertThat(consumers.handles(NoteIntake.CONSUMER)).isTrue();
    }

    @Test
    void aRecordRejectedByARuleSinceFixedIsProcessedOnRequeueOnceAndWhoRequeuedItIsListed() {
        String person = "cert-" + UUID.randomUUID();
        String text = "refused-" + UUID.randomUUID();
        intake.refuse(text);
        TestKafka.send(INTAKE, person, note("n-" + UUID.randomUUID(), person, text));

        Map<String, Object> letter = awaitListed(person);
        assertThat(letter).containsEntry("consumer", NoteIntake.CONSUMER).containsEntry("topic", INTAKE)
                .containsEntry("reason", "'" + text + "' is refused for now")
                .containsEntry("cause", "org.cecplatform.platform.messaging.RejectedMessageException")
                .containsEntry("requeueable", true).containsEntry("requeues", List.of());
        assertThat(letter.get("message")).asString().contains("utf-8").contains(text);
        assertThat(count(person)).isZero();

        intake.allow(text);
        double appliedBefore = applied();
        JsonPath requeued = requeue(letter.get("id"), 200);
        assertThat(applied()).as("counted as applied, as a delivery would be").isEqualTo(appliedBefore + 1);
        assertThat(requeued.getString("requeues[0].outcome")).isEqualTo("PROCESSED");
        assertThat(requeued.getString("requeues[0].requeuedBy")).isEqualTo("staff-1");
        assertThat(requeued.getString("requeues[0].requeuedAt")).isNotBlank();
        assertThat(requeued.getBoolean("requeueable")).isFalse();
        assertThat(count(person)).isEqualTo(1);

        assertThat(requeue(letter.get("id"), 409).getString("type")).isEqualTo("urn:cec:problem:dead-letter-settled");
        assertThat(count(person)).isEqualTo(1);
        assertThat(awaitListed(person).get("requeues")).asList().hasSize(1);
    }

    @Test
    void aRecordThatIsStillBadFailsAgainWithItsReasonRecordedAndMayBeRequeuedAgain() {
        String person = "cert-" + UUID.randomUUID();
        TestKafka.send(INTAKE, person, note("n-" + UUID.randomUUID(), person, "poison"));
        Object id = awaitListed(person).get("id");

        JsonPath first = requeue(id, 200);
        assertThat(first.getString("requeues[0].outcome")).isEqualTo("FAILED_AGAIN");
        assertThat(first.getString("requeues[0].reason")).isEqualTo("poison is not a note");
        assertThat(first.getBoolean("requeueable")).isTrue();

        JsonPath second = requeue(id, 200);
        assertThat(second.getList("requeues.outcome")).containsExactly("FAILED_AGAIN", "FAILED_AGAIN");
        assertThat(count(person)).isZero();
    }

    @Test
    void aRecordDeliveredAgainAndProcessedMeanwhileIsNotAppliedTwiceByItsRequeue() {
        String person = "cert-" + UUID.randomUUID();
        String text = "refused-" + UUID.randomUUID();
        String noteJson = note("n-" + UUID.randomUUID(), person, text);
        intake.refuse(text);
        TestKafka.send(INTAKE, person, noteJson);
        Object id = awaitListed(person).get("id");
        intake.allow(text);
        TestKafka.send(INTAKE, person, noteJson);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(person) == 1);

        assertThat(requeue(id, 200).getString("requeues[0].outcome")).isEqualTo("ALREADY_PROCESSED");
        assertThat(count(person)).isEqualTo(1);
    }

    @Test
    void anUnreadableMessageIsListedAsItsTextAndAnUnknownIdIs404() {
        String person = "cert-" + UUID.randomUUID();
        TestKafka.send(INTAKE, person, "{\"noteId\": \"truncated");
        Map<String, Object> letter = awaitListed(person);
        assertThat(letter.get("reason")).asString().startsWith("unreadable NoteWritten");
        assertThat(letter.get("message")).isEqualTo(Map.of("encoding", "utf-8", "text", "{\"noteId\": \"truncated",
                "sizeBytes", 21, "truncated", false));

        given().auth().oauth2(TestTokens.staff()).when().post("/api/v1/admin/dead-letters/999999999/requeue")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theListIsNewestFirstAndPaged() {
        String person = "cert-" + UUID.randomUUID();
        TestKafka.send(INTAKE, person, note("n-" + UUID.randomUUID(), person, "poison"));
        awaitListed(person);

        JsonPath one = given().auth().oauth2(TestTokens.auditor()).queryParam("page", 0).queryParam("size", 1)
                .when().get("/api/v1/admin/dead-letters").then().statusCode(200).extract().jsonPath();
        assertThat(one.getList("deadLetters")).hasSize(1);
        assertThat(one.getInt("size")).isEqualTo(1);
        assertThat(one.getLong("totalItems")).isPositive();
        JsonPath all = list();
        List<String> times = all.getList("deadLetters.deadLetteredAt");
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(one.getLong("deadLetters[0].id")).isEqualTo(all.getLong("deadLetters[0].id"));
        given().auth().oauth2(TestTokens.staff()).queryParam("size", 0)
                .when().get("/api/v1/admin/dead-letters").then().statusCode(422)
                .body("violations[0].field", equalTo("size"));
    }

    private Map<String, Object> awaitListed(String person) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> list().<Map<String, Object>>getList(
                        "deadLetters").stream().filter(d -> person.equals(d.get("key"))).findFirst().orElse(null),
                java.util.Objects::nonNull);
    }

    private static JsonPath list() {
        return given().auth().oauth2(TestTokens.staff()).queryParam("size", 500)
                .when().get("/api/v1/admin/dead-letters").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath requeue(Object id, int status) {
        return given().auth().oauth2(TestTokens.staff())
                .when().post("/api/v1/admin/dead-letters/" + id + "/requeue")
                .then().statusCode(status).extract().jsonPath();
    }

    private long count(String person) {
        return QuarkusTransaction.requiringNew().call(() -> intake.count(person));
    }

    private static String note(String noteId, String person, String text) {
        return "{\"noteId\":\"" + noteId + "\",\"certificantId\":\"" + person + "\",\"text\":\"" + text + "\"}";
    }

    private double applied() {
        return metrics.counter("cec.consumer.applied", "consumer", NoteIntake.CONSUMER).count();
    }
}
