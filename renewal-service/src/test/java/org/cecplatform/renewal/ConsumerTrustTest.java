package org.cecplatform.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.renewal.Fixtures.LEDGER_SERVICE;
import static org.cecplatform.renewal.Fixtures.grant;
import static org.cecplatform.renewal.Fixtures.newPerson;
import static org.cecplatform.renewal.Fixtures.newYork;
import static org.cecplatform.renewal.Fixtures.tracked;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.renewal.messaging.LedgerEventsConsumer;
import org.cecplatform.testsupport.TestDatabase;
import org.cecplatform.testsupport.TestKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC §6 "Kafka principals": the consumers take an event of a product topic only from the topic's owner (its
 * {@code ce_source}), and a credit once projected never changes owner or amount. What they refuse goes to
 * {@code <topic>.dlq} with the reason and changes nothing.
 */
@QuarkusTest
class ConsumerTrustTest {

    private static final String DATE = "2025-01-10";

    @Inject
    ServiceClock clock;
    @Inject
    LedgerEventsConsumer ledgerEvents;

    @BeforeEach
    void inTheFinalYearOfACycle() {
        clock.set(newYork("2027-12-01T10:00"));
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void ledgerEventsFromAnotherSourceOrWithoutOneAreDeadLetteredAndCountNothing() {
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        UUID fromLms = UUID.randomUUID();
        UUID fromNobody = UUID.randomUUID();

        Fixtures.publish(Topics.LEDGER, person, UUID.randomUUID().toString(), EventTypes.CEC_EARNED,
                "/cec-platform/lms", Fixtures.earnedJson(fromLms, person, DATE, "GENERAL", "20"));
        Fixtures.publish(Topics.LEDGER, person, UUID.randomUUID().toString(), EventTypes.CEC_EARNED, null,
                Fixtures.earnedJson(fromNobody, person, DATE, "GENERAL", "20"));
        Fixtures.publishEarned(UUID.randomUUID(), person, DATE, "GENERAL", "3"); // the ledger's own, after them

        awaitTracked(person, "3");
        List<ConsumerRecord<String, String>> dead = deadLetters(Topics.LEDGER, person, 2);
        assertThat(dead).extracting(r -> TestKafka.header(r, CloudEventHeaders.DLQ_REASON)).containsExactly(
                "an event on cec.ledger.v1 must have ce_source /cec-platform/ledger-service (the topic's owner);"
                        + " found /cec-platform/lms",
                "an event on cec.ledger.v1 must have ce_source /cec-platform/ledger-service (the topic's owner);"
                        + " found none");
        assertThat(dead).extracting(r -> TestKafka.header(r, CloudEventHeaders.DLQ_CONSUMER))
                .containsOnly(LedgerEventsConsumer.CONSUMER);
        assertThat(projected(fromLms)).isEmpty();
        assertThat(projected(fromNobody)).isEmpty();
    }

    @Test
    void auditEventsFromAnotherServiceAreDeadLetteredAndChangeNoStatus() {
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        grant(person, "GEI", "2024-05-10").statusCode(201);

        Fixtures.publish(Topics.AUDITS, person, UUID.randomUUID().toString(), EventTypes.AUDIT_OVERDUE,
                "/cec-platform/renewal-service", overdue(person, "CPT"));
        Fixtures.publish(Topics.AUDITS, person, UUID.randomUUID().toString(), EventTypes.AUDIT_OVERDUE,
                "/cec-platform/audit-service", overdue(person, "GEI"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "INACTIVE".equals(status(person, "GEI")));
        assertThat(status(person, "CPT")).isEqualTo("ACTIVE");
        List<ConsumerRecord<String, String>> dead = deadLetters(Topics.AUDITS, person, 1);
        assertThat(dead).hasSize(1);
        assertThat(TestKafka.header(dead.get(0), CloudEventHeaders.DLQ_REASON)).isEqualTo(
                "an event on cec.audits.v1 must have ce_source /cec-platform/audit-service (the topic's owner);"
                        + " found /cec-platform/renewal-service");
        assertThat(TestKafka.header(dead.get(0), CloudEventHeaders.DLQ_CONSUMER)).isEqualTo("renewal.audits");
    }

    @Test
    void aSecondCecEarnedGivingAProjectedCreditAnotherOwnerOrAmountIsDeadLetteredAndTheFirstFiguresStay() {
        String owner = newPerson();
        String other = newPerson();
        grant(owner, "CPT", "2024-05-10").statusCode(201);
        grant(other, "CPT", "2024-05-10").statusCode(201);
        UUID credit = UUID.randomUUID();
        Fixtures.publishEarned(credit, owner, DATE, "GENERAL", "10");
        awaitTracked(owner, "10");

        Fixtures.publishEarned(credit, other, DATE, "GENERAL", "10");
        Fixtures.publishEarned(credit, owner, DATE, "GENERAL", "25");
        Fixtures.publishEarned(UUID.randomUUID(), owner, DATE, "GENERAL", "1"); // after them on each partition
        Fixtures.publishEarned(UUID.randomUUID(), other, DATE, "GENERAL", "2");

        awaitTracked(owner, "11");
        awaitTracked(other, "2");
        assertThat(deadLetters(Topics.LEDGER, other, 1)).singleElement()
                .extracting(r -> TestKafka.header(r, CloudEventHeaders.DLQ_REASON)).isEqualTo("credit " + credit
                        + " is already recorded for " + owner + " with 10 CECs; a CECEarned cannot change its owner or"
                        + " amount (this one: " + other + ", 10 CECs)");
        assertThat(deadLetters(Topics.LEDGER, owner, 1)).singleElement()
                .extracting(r -> TestKafka.header(r, CloudEventHeaders.DLQ_REASON)).asString()
                .startsWith("credit " + credit + " is already recorded for " + owner + " with 10 CECs")
                .endsWith("(this one: " + owner + ", 25 CECs)");
        assertThat(projected(credit)).contains(new Projected(owner, new BigDecimal("10"), false));
    }

    @Test
    void theSameCreditAgainUnderANewEventIdCountsOnceAndIsNotDeadLettered() {
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        UUID credit = UUID.randomUUID();

        Fixtures.publishEarned(credit, person, DATE, "GENERAL", "10");
        Fixtures.publishEarned(credit, person, DATE, "GENERAL", "10.0"); // a new ce_id, the same figures
        Fixtures.publishEarned(UUID.randomUUID(), person, DATE, "GENERAL", "1");

        awaitTracked(person, "11");
        assertThat(TestKafka.readAll(Topics.deadLetter(Topics.LEDGER), r -> person.equals(r.key()),
                Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void aCecVoidedForSomeoneElsesCreditIsDeadLetteredAndTheCreditStays() {
        String owner = newPerson();
        String other = newPerson();
        grant(owner, "CPT", "2024-05-10").statusCode(201);
        UUID credit = UUID.randomUUID();
        Fixtures.publishEarned(credit, owner, DATE, "GENERAL", "10");
        awaitTracked(owner, "10");

        Fixtures.publishVoided(credit, other, DATE, "GENERAL", "10");

        assertThat(deadLetters(Topics.LEDGER, other, 1)).singleElement()
                .extracting(r -> TestKafka.header(r, CloudEventHeaders.DLQ_REASON)).isEqualTo("credit " + credit
                        + " is recorded for " + owner + "; a CECVoided for " + other + " cannot void it");
        assertThat(projected(credit)).contains(new Projected(owner, new BigDecimal("10"), false));
        assertThat(tracked(owner, "CPT")).isEqualByComparingTo("10");
    }

    @Test
    void aVoidSomeoneElseSentBeforeTheCreditArrivedDoesNotVoidIt() {
        String owner = newPerson();
        String other = newPerson();
        grant(owner, "CPT", "2024-05-10").statusCode(201);
        UUID credit = UUID.randomUUID();
        // Its owner cannot be known before the credit: the void leaves a marker, which the credit then overrules.
        Fixtures.publishVoided(credit, other, DATE, "GENERAL", "10");
        await().atMost(Duration.ofSeconds(30)).until(() -> projected(credit).isPresent());

        Fixtures.publishEarned(credit, owner, DATE, "GENERAL", "10");

        awaitTracked(owner, "10");
        assertThat(projected(credit)).contains(new Projected(owner, new BigDecimal("10"), false));
    }

    /**
     * The broker decides how records are batched, so the batch is handed to the consumer here: a batch whose
     * transaction fails on one rejected credit is applied again one record per transaction, the offender alone is
     * dead-lettered, and a conflict between two records of the same batch is caught too.
     */
    @Test
    void aRejectedCreditInABatchIsDeadLetteredAloneAndTheRestOfTheBatchIsApplied() {
        String owner = newPerson();
        String other = newPerson();
        grant(owner, "CPT", "2024-05-10").statusCode(201);
        UUID projected = UUID.randomUUID();
        Fixtures.publishEarned(projected, owner, DATE, "GENERAL", "10");
        awaitTracked(owner, "10");
        UUID inBatch = UUID.randomUUID();

        ledgerEvents.consume(TestKafka.batch(
                earned(UUID.randomUUID(), owner, "3"),
                earned(projected, owner, "12"),
                earned(UUID.randomUUID(), owner, "2")));
        ledgerEvents.consume(TestKafka.batch(
                earned(inBatch, owner, "4"),
                earned(inBatch, other, "4"),
                earned(UUID.randomUUID(), owner, "1")));

        assertThat(tracked(owner, "CPT")).isEqualByComparingTo("20"); // 10 + 3 + 2 + 4 + 1
        assertThat(projected(projected)).contains(new Projected(owner, new BigDecimal("10"), false));
        assertThat(projected(inBatch)).contains(new Projected(owner, new BigDecimal("4"), false));
        List<ConsumerRecord<String, String>> dead = TestKafka.read(Topics.deadLetter(Topics.LEDGER),
                r -> owner.equals(r.key()) || other.equals(r.key()), 2, Duration.ofSeconds(30));
        assertThat(dead).extracting(r -> TestKafka.header(r, CloudEventHeaders.DLQ_REASON)).satisfiesExactlyInAnyOrder(
                reason -> assertThat(reason).startsWith("credit " + projected + " is already recorded for " + owner)
                        .endsWith("(this one: " + owner + ", 12 CECs)"),
                reason -> assertThat(reason).startsWith("credit " + inBatch + " is already recorded for " + owner)
                        .endsWith("(this one: " + other + ", 4 CECs)"));
    }

    // ------------------------------------------------------------------ helpers

    private static void awaitTracked(String person, String cecs) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> tracked(person, "CPT").compareTo(new BigDecimal(cecs)) >= 0);
        assertThat(tracked(person, "CPT")).isEqualByComparingTo(cecs);
    }

    private static String status(String person, String credential) {
        return (String) Fixtures.certification(person, credential).get("status");
    }

    private static List<ConsumerRecord<String, String>> deadLetters(String topic, String key, int expected) {
        return TestKafka.read(Topics.deadLetter(topic), r -> key.equals(r.key()), expected, Duration.ofSeconds(30));
    }

    private static String overdue(String person, String credential) {
        return "{\"auditId\":\"" + UUID.randomUUID() + "\",\"renewalId\":null,\"certificantId\":\"" + person
                + "\",\"credentials\":[\"" + credential + "\"],\"dueOn\":\"2027-11-01\",\"cureBy\":\"2028-11-01\","
                + "\"overdueAt\":\"2027-11-02T05:00:00Z\"}";
    }

    /** A CECEarned record as the ledger publishes it on cec.ledger.v1 (where it sits does not matter here). */
    private static ConsumerRecord<String, byte[]> earned(UUID creditId, String person, String cecs) {
        return TestKafka.incoming(Topics.LEDGER, person, Fixtures.earnedJson(creditId, person, DATE, "GENERAL", cecs),
                Fixtures.cloudEvent(UUID.randomUUID().toString(), EventTypes.CEC_EARNED, LEDGER_SERVICE, person));
    }

    /** A credit's row in the projection; CECs compared by value (10 = 10.0). */
    record Projected(String certificantId, BigDecimal cecs, boolean voided) {
        Projected {
            cecs = cecs.stripTrailingZeros();
        }
    }

    /** The projection's row of a credit (a void marker included), read straight from the table. */
    private static Optional<Projected> projected(UUID creditId) {
        return TestDatabase.firstRow("select certificant_id, cecs, voided from ledger_credit where credit_id = ?",
                row -> new Projected(row.getString(1), row.getBigDecimal(2), row.getBoolean(3)), creditId);
    }
}
