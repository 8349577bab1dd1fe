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
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.audit.messaging.LedgerEventsConsumer;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.contract.ledger.CecEarnedV1;
import org.cecplatform.contract.ledger.CecVoidedV1;
import org.cecplatform.contract.renewal.CertificationRenewedV1;
import org.cecplatform.testsupport.LedgerCreditTrust;
import org.cecplatform.testsupport.ProjectedCredit;
import org.cecplatform.testsupport.TestClock;
import org.cecplatform.testsupport.TestDeadLetters;
import org.cecplatform.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC §6 "Kafka principals": the consumers take an event of a product topic only from the topic's owner (its
 * {@code ce_source}), and a credit once recorded never changes owner or amount. What they refuse goes to
 * {@code <topic>.dlq} with the reason and changes nothing.
 */
@QuarkusTest
class ConsumerTrustTest {

    private static final LocalDate COMPLETED = LocalDate.of(2026, 6, 1);

    @RegisterExtension
    final TestClock march2027 = TestClock.startingAt(ny("2027-03-01T12:00"));
    @Inject
    LedgerEventsConsumer ledgerEvents;

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

        await().atMost(Duration.ofSeconds(30)).until(() -> ProjectedCredit.of(genuine).isPresent());
        List<ConsumerRecord<String, String>> dead = TestDeadLetters.of(Topics.LEDGER, 2, person);
        assertThat(dead).extracting(TestDeadLetters::reason).containsExactly(
                TestDeadLetters.notFromTheOwner(Topics.LEDGER, "/cec-platform/lms"),
                TestDeadLetters.notFromTheOwner(Topics.LEDGER, null));
        assertThat(dead).extracting(TestDeadLetters::consumer).containsOnly("audit.ledger");
        assertThat(ProjectedCredit.of(fromLms)).isEmpty();
        assertThat(ProjectedCredit.of(fromNobody)).isEmpty();
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
        List<ConsumerRecord<String, String>> dead = TestDeadLetters.of(Topics.RENEWALS, 1, person);
        assertThat(dead).singleElement().extracting(TestDeadLetters::reason)
                .isEqualTo(TestDeadLetters.notFromTheOwner(Topics.RENEWALS, "/cec-platform/ledger-service"));
        assertThat(TestDeadLetters.consumer(dead.get(0))).isEqualTo("audit.renewals");
        assertThat(audits(person).jsonPath().getInt("totalItems")).isEqualTo(1);
        assertThat(Fixtures.audit(auditId).jsonPath().getString("renewalId")).isEqualTo(genuine.renewalId().toString());
    }

    @Test
    void aSecondCecEarnedGivingARecordedCreditAnotherOwnerOrAmountIsDeadLetteredAndTheFirstFiguresStay() {
        String owner = person();
        String other = person();
        UUID credit = sendCredit(verifiedCredit(UUID.randomUUID(), owner, COMPLETED, "10"));
        await().atMost(Duration.ofSeconds(30)).until(() -> ProjectedCredit.of(credit).isPresent());

        sendCredit(verifiedCredit(credit, other, COMPLETED, "10"));
        sendCredit(verifiedCredit(credit, owner, COMPLETED, "25"));

        LedgerCreditTrust.assertAnotherOwnerOrAmountRefused(credit, owner, "10", other, "25");
    }

    @Test
    void theSameCreditAgainUnderANewEventIdIsRecordedOnceAndNotDeadLettered() {
        String person = person();
        UUID credit = sendCredit(verifiedCredit(UUID.randomUUID(), person, COMPLETED, "10"));
        sendCredit(verifiedCredit(credit, person, COMPLETED, "10.0")); // a new ce_id, the same figures
        UUID last = sendCredit(verifiedCredit(UUID.randomUUID(), person, COMPLETED, "1"));

        await().atMost(Duration.ofSeconds(30)).until(() -> ProjectedCredit.of(last).isPresent());
        assertThat(ProjectedCredit.of(credit)).contains(ProjectedCredit.counted(person, "10"));
        assertThat(ProjectedCredit.countOf(person)).isEqualTo(2);
        assertThat(TestDeadLetters.within(Topics.LEDGER, person, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void aCecVoidedForSomeoneElsesCreditIsDeadLetteredAndTheCreditStays() {
        String owner = person();
        String other = person();
        UUID credit = sendCredit(verifiedCredit(UUID.randomUUID(), owner, COMPLETED, "10"));
        await().atMost(Duration.ofSeconds(30)).until(() -> ProjectedCredit.of(credit).isPresent());

        send(Topics.LEDGER, EventTypes.CEC_VOIDED, other, new CecVoidedV1(credit, other, "duplicate", "staff-1",
                ny("2027-03-01T12:00"), COMPLETED, "GENERAL", new BigDecimal("10")));

        LedgerCreditTrust.assertVoidForAnotherOwnerRefused(credit, owner, "10", other);
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
        await().atMost(Duration.ofSeconds(30)).until(() -> ProjectedCredit.of(projected).isPresent());

        LedgerCreditTrust.handTwoBatchesWithOneOffenderEach(ledgerEvents::consume, ConsumerTrustTest::earned,
                projected, owner, other);

        assertThat(ProjectedCredit.countOf(owner)).isEqualTo(5);
        assertThat(ProjectedCredit.countOf(other)).isZero();
    }

    // ------------------------------------------------------------------ helpers

    /** Publishes a CECEarned as the ledger does; returns its credit id. */
    private static UUID sendCredit(CecEarnedV1 credit) {
        send(Topics.LEDGER, EventTypes.CEC_EARNED, credit.certificantId(), credit);
        return credit.creditId();
    }

    /** A CECEarned record as the ledger publishes it on cec.ledger.v1 (where it sits does not matter here). */
    private static ConsumerRecord<String, byte[]> earned(UUID creditId, String person, String cecs) {
        CecEarnedV1 credit = verifiedCredit(creditId, person, COMPLETED, cecs);
        return TestKafka.incoming(Topics.LEDGER, person, Fixtures.json(credit), Map.of(
                CloudEventHeaders.ID, UUID.randomUUID().toString(), CloudEventHeaders.TYPE, EventTypes.CEC_EARNED,
                CloudEventHeaders.SPEC_VERSION, "1.0", CloudEventHeaders.SOURCE, "/cec-platform/ledger-service",
                CloudEventHeaders.SUBJECT, person));
    }
}
