package org.cecplatform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.audit.Fixtures.audits;
import static org.cecplatform.audit.Fixtures.awaitAudit;
import static org.cecplatform.audit.Fixtures.ny;
import static org.cecplatform.audit.Fixtures.person;
import static org.cecplatform.audit.Fixtures.renewal;
import static org.cecplatform.audit.Fixtures.send;
import static org.cecplatform.audit.Fixtures.sendFrom;
import static org.cecplatform.audit.Fixtures.sendRenewed;
import static org.cecplatform.audit.Fixtures.verifiedCredit;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.audit.messaging.LedgerEventsConsumer;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.contract.ledger.CecEarnedV1;
import org.cecplatform.contract.ledger.CecVoidedV1;
import org.cecplatform.contract.renewal.CertificationRenewedV1;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.TestDatabase;
import org.cecplatform.testsupport.TestKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC §6 "Kafka principals": the consumers take an event of a product topic only from the topic's owner (its
 * {@code ce_source}), and a credit once recorded never changes owner or amount. What they refuse goes to
 * {@code <topic>.dlq} with the reason and changes nothing.
 */
@QuarkusTest
class ConsumerTrustTest {

    private static final LocalDate COMPLETED = LocalDate.of(2026, 6, 1);

    @Inject
    ServiceClock clock;
    @Inject
    LedgerEventsConsumer ledgerEvents;

    @BeforeEach
    void march2027() {
        clock.set(ny("2027-03-01T12:00"));
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void ledgerEventsFromAnotherSourceOrWithoutOneAreDeadLetteredAndRecordNothing() {
        String person = person();
        UUID fromLms = UUID.randomUUID();
        UUID fromNobody = UUID.randomUUID();

        sendFrom("/cec-platform/lms", Topics.LEDGER, EventTypes.CEC_EARNED, person,
                verifiedCredit(fromLms, person, COMPLETED, "45"), UUID.randomUUID().toString());
        sendFrom(null, Topics.LEDGER, EventTypes.CEC_EARNED, person,
                verifiedCredit(fromNobody, person, COMPLETED, "45"), UUID.randomUUID().toString());
        UUID genuine = sendCredit(verifiedCredit(UUID.randomUUID(), person, COMPLETED, "3"));

        await().atMost(Duration.ofSeconds(30)).until(() -> recorded(genuine).isPresent());
        List<ConsumerRecord<String, String>> dead = deadLetters(Topics.LEDGER, person, 2);
        assertThat(dead).extracting(r -> TestKafka.header(r, CloudEventHeaders.DLQ_REASON)).containsExactly(
                "an event on cec.ledger.v1 must have ce_source /cec-platform/ledger-service (the topic's owner);"
                        + " found /cec-platform/lms",
                "an event on cec.ledger.v1 must have ce_source /cec-platform/ledger-service (the topic's owner);"
                        + " found none");
        assertThat(dead).extracting(r -> TestKafka.header(r, CloudEventHeaders.DLQ_CONSUMER))
                .containsOnly("audit.ledger");
        assertThat(recorded(fromLms)).isEmpty();
        assertThat(recorded(fromNobody)).isEmpty();
    }

    @Test
    void aRenewalFromAnotherServiceIsDeadLetteredAndEntersNoPool() {
        String person = person();
        CertificationRenewedV1 forged = renewal(person, "CPT", LocalDate.of(2027, 2, 20));
        sendFrom("/cec-platform/ledger-service", Topics.RENEWALS, EventTypes.CERTIFICATION_RENEWED, person, forged,
                UUID.randomUUID().toString());
        CertificationRenewedV1 genuine = renewal(person, "CPT", LocalDate.of(2027, 2, 21));
        sendRenewed(genuine); // every CPT renewal is audited in tests: the forged one would open an audit too

        String auditId = awaitAudit(person, 1);
        List<ConsumerRecord<String, String>> dead = deadLetters(Topics.RENEWALS, person, 1);
        assertThat(dead).singleElement().extracting(r -> TestKafka.header(r, CloudEventHeaders.DLQ_REASON))
                .isEqualTo("an event on cec.renewals.v1 must have ce_source /cec-platform/renewal-service (the"
                        + " topic's owner); found /cec-platform/ledger-service");
        assertThat(TestKafka.header(dead.get(0), CloudEventHeaders.DLQ_CONSUMER)).isEqualTo("audit.renewals");
        assertThat(audits(person).jsonPath().getInt("totalItems")).isEqualTo(1);
        assertThat(Fixtures.audit(auditId).jsonPath().getString("renewalId")).isEqualTo(genuine.renewalId().toString());
    }

    @Test
    void aSecondCecEarnedGivingARecordedCreditAnotherOwnerOrAmountIsDeadLetteredAndTheFirstFiguresStay() {
        String owner = person();
        String other = person();
        UUID credit = sendCredit(verifiedCredit(UUID.randomUUID(), owner, COMPLETED, "10"));
        await().atMost(Duration.ofSeconds(30)).until(() -> recorded(credit).isPresent());

        sendCredit(verifiedCredit(credit, other, COMPLETED, "10"));
        sendCredit(verifiedCredit(credit, owner, COMPLETED, "25"));

        assertThat(deadLetters(Topics.LEDGER, other, 1)).singleElement()
                .extracting(r -> TestKafka.header(r, CloudEventHeaders.DLQ_REASON)).isEqualTo("credit " + credit
                        + " is already recorded for " + owner + " with 10 CECs; a CECEarned cannot change its owner or"
                        + " amount (this one: " + other + ", 10 CECs)");
        assertThat(deadLetters(Topics.LEDGER, owner, 1)).singleElement()
                .extracting(r -> TestKafka.header(r, CloudEventHeaders.DLQ_REASON)).asString()
                .startsWith("credit " + credit + " is already recorded for " + owner + " with 10 CECs")
                .endsWith("(this one: " + owner + ", 25 CECs)");
        assertThat(recorded(credit)).contains(new Recorded(owner, new BigDecimal("10"), false));
    }

    @Test
    void theSameCreditAgainUnderANewEventIdIsRecordedOnceAndNotDeadLettered() {
        String person = person();
        UUID credit = sendCredit(verifiedCredit(UUID.randomUUID(), person, COMPLETED, "10"));
        sendCredit(verifiedCredit(credit, person, COMPLETED, "10.0")); // a new ce_id, the same figures
        UUID last = sendCredit(verifiedCredit(UUID.randomUUID(), person, COMPLETED, "1"));

        await().atMost(Duration.ofSeconds(30)).until(() -> recorded(last).isPresent());
        assertThat(recorded(credit)).contains(new Recorded(person, new BigDecimal("10"), false));
        assertThat(creditsOf(person)).isEqualTo(2);
        assertThat(TestKafka.readAll(Topics.deadLetter(Topics.LEDGER), r -> person.equals(r.key()),
                Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void aCecVoidedForSomeoneElsesCreditIsDeadLetteredAndTheCreditStays() {
        String owner = person();
        String other = person();
        UUID credit = sendCredit(verifiedCredit(UUID.randomUUID(), owner, COMPLETED, "10"));
        await().atMost(Duration.ofSeconds(30)).until(() -> recorded(credit).isPresent());

        send(Topics.LEDGER, EventTypes.CEC_VOIDED, other, new CecVoidedV1(credit, other, "duplicate", "staff-1",
                ny("2027-03-01T12:00"), COMPLETED, "GENERAL", new BigDecimal("10")));

        assertThat(deadLetters(Topics.LEDGER, other, 1)).singleElement()
                .extracting(r -> TestKafka.header(r, CloudEventHeaders.DLQ_REASON)).isEqualTo("credit " + credit
                        + " is recorded for " + owner + "; a CECVoided for " + other + " cannot void it");
        assertThat(recorded(credit)).contains(new Recorded(owner, new BigDecimal("10"), false));
    }

    /**
     * The broker decides how records are batched, so the batch is handed to the consumer here: a batch whose
     * transaction fails on one rejected credit is applied again one record per transaction, the offender alone is
     * dead-lettered, and a conflict between two records of the same batch is caught too.
     */
    @Test
    void aRejectedCreditInABatchIsDeadLetteredAloneAndTheRestOfTheBatchIsRecorded() {
        String owner = person();
        String other = person();
        UUID projected = sendCredit(verifiedCredit(UUID.randomUUID(), owner, COMPLETED, "10"));
        await().atMost(Duration.ofSeconds(30)).until(() -> recorded(projected).isPresent());
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID inBatch = UUID.randomUUID();
        UUID last = UUID.randomUUID();

        ledgerEvents.consume(TestKafka.batch(
                earned(verifiedCredit(first, owner, COMPLETED, "3")),
                earned(verifiedCredit(projected, owner, COMPLETED, "12")),
                earned(verifiedCredit(second, owner, COMPLETED, "2"))));
        ledgerEvents.consume(TestKafka.batch(
                earned(verifiedCredit(inBatch, owner, COMPLETED, "4")),
                earned(verifiedCredit(inBatch, other, COMPLETED, "4")),
                earned(verifiedCredit(last, owner, COMPLETED, "1"))));

        assertThat(creditsOf(owner)).isEqualTo(5);
        assertThat(creditsOf(other)).isZero();
        assertThat(recorded(projected)).contains(new Recorded(owner, new BigDecimal("10"), false));
        assertThat(recorded(inBatch)).contains(new Recorded(owner, new BigDecimal("4"), false));
        List<ConsumerRecord<String, String>> dead = TestKafka.read(Topics.deadLetter(Topics.LEDGER),
                r -> owner.equals(r.key()) || other.equals(r.key()), 2, Duration.ofSeconds(30));
        assertThat(dead).extracting(r -> TestKafka.header(r, CloudEventHeaders.DLQ_REASON))
                .satisfiesExactlyInAnyOrder(
                        reason -> assertThat(reason).startsWith("credit " + projected + " is already recorded for "
                                + owner).endsWith("(this one: " + owner + ", 12 CECs)"),
                        reason -> assertThat(reason).startsWith("credit " + inBatch + " is already recorded for "
                                + owner).endsWith("(this one: " + other + ", 4 CECs)"));
    }

    // ------------------------------------------------------------------ helpers

    /** Publishes a CECEarned as the ledger does; returns its credit id. */
    private static UUID sendCredit(CecEarnedV1 credit) {
        send(Topics.LEDGER, EventTypes.CEC_EARNED, credit.certificantId(), credit);
        return credit.creditId();
    }

    private static List<ConsumerRecord<String, String>> deadLetters(String topic, String key, int expected) {
        return TestKafka.read(Topics.deadLetter(topic), r -> key.equals(r.key()), expected, Duration.ofSeconds(30));
    }

    /** A CECEarned record as the ledger publishes it on cec.ledger.v1 (where it sits does not matter here). */
    private static ConsumerRecord<String, byte[]> earned(CecEarnedV1 credit) {
        return TestKafka.incoming(Topics.LEDGER, credit.certificantId(), Fixtures.json(credit), Map.of(
                CloudEventHeaders.ID, UUID.randomUUID().toString(), CloudEventHeaders.TYPE, EventTypes.CEC_EARNED,
                CloudEventHeaders.SPEC_VERSION, "1.0", CloudEventHeaders.SOURCE, "/cec-platform/ledger-service",
                CloudEventHeaders.SUBJECT, credit.certificantId()));
    }

    /** A credit's row in the audit's ledger projection; CECs compared by value (10 = 10.0). */
    record Recorded(String certificantId, BigDecimal cecs, boolean voided) {
        Recorded {
            cecs = cecs.stripTrailingZeros();
        }
    }

    private static Optional<Recorded> recorded(UUID creditId) {
        return TestDatabase.firstRow("select certificant_id, cecs, voided from ledger_credit where credit_id = ?",
                row -> new Recorded(row.getString(1), row.getBigDecimal(2), row.getBoolean(3)), creditId);
    }

    private static long creditsOf(String person) {
        return TestDatabase.firstRow("select count(*) from ledger_credit where certificant_id = ?", row -> row.getLong(1),
                person).orElseThrow();
    }
}
