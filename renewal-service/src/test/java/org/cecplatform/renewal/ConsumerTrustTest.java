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
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.renewal.messaging.LedgerEventsConsumer;
import org.cecplatform.testsupport.LedgerCreditTrust;
import org.cecplatform.testsupport.ProjectedCredit;
import org.cecplatform.testsupport.TestClock;
import org.cecplatform.testsupport.TestDeadLetters;
import org.cecplatform.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC §6 "Kafka principals": the consumers take an event of a product topic only from the topic's owner (its
 * {@code ce_source}), and a credit once projected never changes owner or amount. What they refuse goes to
 * {@code <topic>.dlq} with the reason and changes nothing.
 */
@QuarkusTest
class ConsumerTrustTest {

    private static final String DATE = "2025-01-10";

    @RegisterExtension
    final TestClock inTheFinalYearOfACycle = TestClock.startingAt(newYork("2027-12-01T10:00"));
    @Inject
    LedgerEventsConsumer ledgerEvents;

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
        List<ConsumerRecord<String, String>> dead = TestDeadLetters.of(Topics.LEDGER, 2, person);
        assertThat(dead).extracting(TestDeadLetters::reason).containsExactly(
                TestDeadLetters.notFromTheOwner(Topics.LEDGER, "/cec-platform/lms"),
                TestDeadLetters.notFromTheOwner(Topics.LEDGER, null));
        assertThat(dead).extracting(TestDeadLetters::consumer).containsOnly(LedgerEventsConsumer.CONSUMER);
        assertThat(ProjectedCredit.of(fromLms)).isEmpty();
        assertThat(ProjectedCredit.of(fromNobody)).isEmpty();
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
        List<ConsumerRecord<String, String>> dead = TestDeadLetters.of(Topics.AUDITS, 1, person);
        assertThat(dead).hasSize(1);
        assertThat(TestDeadLetters.reason(dead.get(0)))
                .isEqualTo(TestDeadLetters.notFromTheOwner(Topics.AUDITS, "/cec-platform/renewal-service"));
        assertThat(TestDeadLetters.consumer(dead.get(0))).isEqualTo("renewal.audits");
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
        LedgerCreditTrust.assertAnotherOwnerOrAmountRefused(credit, owner, "10", other, "25");
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
        assertThat(TestDeadLetters.within(Topics.LEDGER, person, Duration.ofSeconds(3))).isEmpty();
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

        LedgerCreditTrust.assertVoidForAnotherOwnerRefused(credit, owner, "10", other);
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
        await().atMost(Duration.ofSeconds(30)).until(() -> ProjectedCredit.of(credit).isPresent());

        Fixtures.publishEarned(credit, owner, DATE, "GENERAL", "10");

        awaitTracked(owner, "10");
        assertThat(ProjectedCredit.of(credit)).contains(ProjectedCredit.counted(owner, "10"));
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

        LedgerCreditTrust.handTwoBatchesWithOneOffenderEach(ledgerEvents::consume, ConsumerTrustTest::earned,
                projected, owner, other);

        assertThat(tracked(owner, "CPT")).isEqualByComparingTo("20"); // 10 + 3 + 2 + 4 + 1
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
}
