package org.cecplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.audit.Fixtures.audit;
import static org.cecplatform.audit.Fixtures.auditEvents;
import static org.cecplatform.audit.Fixtures.audits;
import static org.cecplatform.audit.Fixtures.awaitAudit;
import static org.cecplatform.audit.Fixtures.ny;
import static org.cecplatform.audit.Fixtures.person;
import static org.cecplatform.audit.Fixtures.renewal;
import static org.cecplatform.audit.Fixtures.send;
import static org.cecplatform.audit.Fixtures.sendRenewed;
import static org.cecplatform.audit.Fixtures.sendVerifiedCredit;
import static org.cecplatform.audit.Fixtures.status;
import static org.cecplatform.audit.Fixtures.types;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.contract.ledger.CecVoidedV1;
import org.cecplatform.contract.renewal.CertificationGrantedV1;
import org.cecplatform.contract.renewal.CertificationRenewedV1;
import org.cecplatform.contract.renewal.PendingRenewalExpiredV1;
import org.cecplatform.contract.renewal.RenewalPaymentRequestedV1;
import org.cecplatform.platform.outbox.EventLog;
import org.cecplatform.platform.outbox.StoredEvent;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.PostgresTestResource;
import org.cecplatform.testsupport.TestKafka;
import org.cecplatform.testsupport.TestTokens;
import org.cecplatform.testsupport.contract.EventSchemas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Renewals and reinstatements from cec.renewals.v1 enter the pool; verified credits from cec.ledger.v1 count. */
@QuarkusTest
class RenewalIntakeTest {

    @Inject
    ServiceClock clock;
    @Inject
    EventLog eventLog;

    @BeforeEach
    void march2027() {
        clock.set(ny("2027-03-01T12:00"));
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void aCptRenewalAtRate100PercentOpensAnAuditAndPublishesAuditOpened() {
        String person = person();
        CertificationRenewedV1 renewal = renewal(person, "CPT", LocalDate.of(2027, 2, 20));
        sendRenewed(renewal);

        String auditId = awaitAudit(person, 1);
        List<ConsumerRecord<String, String>> published = auditEvents(person, 1);

        assertThat(published).hasSize(1);
        ConsumerRecord<String, String> opened = published.get(0);
        List<StoredEvent> stored = QuarkusTransaction.requiringNew().call(() -> eventLog.load(auditId));
        assertThat(opened.key()).isEqualTo(person);
        assertThat(TestKafka.header(opened, CloudEventHeaders.ID)).isEqualTo(stored.get(0).eventId().toString());
        assertThat(TestKafka.header(opened, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.AUDIT_OPENED);
        assertThat(TestKafka.header(opened, CloudEventHeaders.SUBJECT)).isEqualTo(person);
        assertThat(TestKafka.header(opened, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TestKafka.header(opened, CloudEventHeaders.SOURCE)).isEqualTo("/cec-platform/audit-service");
        JsonPath body = JsonPath.from(opened.value());
        assertThat(body.getString("auditId")).isEqualTo(auditId);
        assertThat(body.getString("renewalId")).isEqualTo(renewal.renewalId().toString());
        assertThat(body.getString("certificantId")).isEqualTo(person);
        assertThat(body.getString("credential")).isEqualTo("CPT");
        assertThat(body.getInt("year")).isEqualTo(2027);
        assertThat(body.getString("openedOn")).isEqualTo("2027-03-01");
        assertThat(body.getString("proofDueOn")).isEqualTo("2027-03-31");
        assertThat(body.getString("reason")).isEqualTo("selected at random, level CPT, 2027");
        assertThat(body.getString("selection.method")).isEqualTo("RANDOM");
        assertThat(body.getString("selection.seed")).matches("sha256:[0-9a-f]{16}");
        assertThat(body.getInt("selection.blockSize")).isEqualTo(1);
        EventSchemas.assertValid(opened);

        // the person sees the audit and why, but not how the draw was made
        given().auth().oauth2(TestTokens.certificant(person)).get("/api/v1/audits/{id}", auditId)
                .then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("OPEN"))
                .body("reason", org.hamcrest.Matchers.equalTo("selected at random, level CPT, 2027"))
                .body("proofDueOn", org.hamcrest.Matchers.equalTo("2027-03-31"))
                .body("cecsRequired", org.hamcrest.Matchers.equalTo(45.0f))
                .body("selection.method", org.hamcrest.Matchers.equalTo("RANDOM"))
                .body("selection.seedFingerprint", org.hamcrest.Matchers.nullValue())
                .body("selection.draw", org.hamcrest.Matchers.nullValue());
        // staff see what reproduces it
        assertThat(audit(auditId).jsonPath().getString("selection.seedFingerprint"))
                .isEqualTo(body.getString("selection.seed"));
    }

    @Test
    void theSameRenewalEventTwiceOrUnderAnotherEventIdOpensOneAudit() {
        String person = person();
        CertificationRenewedV1 renewal = renewal(person, "CPT", LocalDate.of(2027, 2, 20));
        String eventId = UUID.randomUUID().toString();
        send(Topics.RENEWALS, EventTypes.CERTIFICATION_RENEWED, person, renewal, eventId);
        send(Topics.RENEWALS, EventTypes.CERTIFICATION_RENEWED, person, renewal, eventId);
        sendRenewed(renewal); // same renewal, another event id (a producer's retry)
        // a later renewal on the same partition: once its audit exists, the copies before it were handled
        CertificationRenewedV1 marker = renewal(person, "CPT", LocalDate.of(2027, 2, 21));
        sendRenewed(marker);

        awaitAudit(person, 2);

        assertThat(audits(person).jsonPath().getList("audits.renewalId", String.class))
                .containsExactlyInAnyOrder(renewal.renewalId().toString(), marker.renewalId().toString());
        assertThat(TestKafka.readAll(Topics.AUDITS, r -> person.equals(r.key()), Duration.ofSeconds(3)))
                .extracting(r -> TestKafka.header(r, CloudEventHeaders.TYPE))
                .containsExactly(EventTypes.AUDIT_OPENED, EventTypes.AUDIT_OPENED);
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/sampling/renewals/{id}", renewal.renewalId())
                .then().statusCode(200)
                .body("selected", org.hamcrest.Matchers.equalTo(true))
                .body("reproduced", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void aReinstatementEntersThePoolAndCountsOnlyTheLapsedCyclesWindow() {
        String person = person();
        var reinstatement = Fixtures.reinstatement(person, "CPT", LocalDate.of(2027, 2, 25));
        send(Topics.RENEWALS, EventTypes.CERTIFICATION_REINSTATED, person, reinstatement);

        String auditId = awaitAudit(person, 1);

        JsonPath view = audit(auditId).jsonPath();
        assertThat(view.getString("renewalKind")).isEqualTo("REINSTATEMENT");
        assertThat(view.getString("window.from")).isEqualTo("2023-01-01");
        assertThat(view.getString("window.to")).isEqualTo("2025-12-31");
        assertThat(view.getString("reason")).isEqualTo("selected at random, level CPT, 2027");
    }

    @Test
    void verifiedCreditsThatAloneReachTheRequirementPassTheAuditWhenItOpens() {
        String person = person();
        sendVerifiedCredit(person, LocalDate.of(2026, 1, 10), "30");
        sendVerifiedCredit(person, LocalDate.of(2027, 1, 5), "15");
        await().atMost(Duration.ofSeconds(30)).until(() -> verifiedCredits(person) == 2);

        sendRenewed(renewal(person, "CPT", LocalDate.of(2027, 2, 20)));
        String auditId = awaitAudit(person, 1);

        assertThat(status(auditId)).isEqualTo("PASSED");
        List<ConsumerRecord<String, String>> events = auditEvents(person, 3);
        assertThat(types(events)).containsExactly(EventTypes.AUDIT_OPENED, EventTypes.AUDIT_DECIDED,
                EventTypes.AUDIT_CLOSED);
        JsonPath decided = JsonPath.from(events.get(1).value());
        assertThat(decided.getString("decidedBy")).isEqualTo("system");
        assertThat(decided.getString("outcome")).isEqualTo("PASSED");
        assertThat(JsonPath.from(events.get(2).value()).getString("validUntil")).isEqualTo("2030-12-31");
        events.forEach(EventSchemas::assertValid);
    }

    @Test
    void verifiedCreditsArrivingLaterPassTheAuditAsSoonAsTheyReachTheRequirement() {
        String person = person();
        sendRenewed(renewal(person, "CPT", LocalDate.of(2027, 2, 20)));
        String auditId = awaitAudit(person, 1);
        // outside the renewed cycle's window (2024-05-10..2027-12-31) or voided: these do not count (else 40 + 10 > 45)
        sendVerifiedCredit(person, LocalDate.of(2024, 5, 9), "50");
        UUID voided = sendVerifiedCredit(person, LocalDate.of(2026, 3, 1), "10");
        send(Topics.LEDGER, EventTypes.CEC_VOIDED, person, new CecVoidedV1(voided, person, "duplicate", "staff-1",
                ny("2027-03-01T12:00"), LocalDate.of(2026, 3, 1), "GENERAL", new BigDecimal("10")));
        UUID last = sendVerifiedCredit(person, LocalDate.of(2026, 6, 1), "40");
        // the ledger's events of one person are ordered: once the last is in, the void before it was applied
        await().atMost(Duration.ofSeconds(30)).until(() -> creditKnown(last));
        assertThat(verifiedCredits(person)).isEqualTo(2);
        assertThat(status(auditId)).isEqualTo("OPEN");
        assertThat(audit(auditId).jsonPath().getFloat("verifiedCecs")).isEqualTo(40.0f);

        sendVerifiedCredit(person, LocalDate.of(2027, 1, 15), "5");

        await().atMost(Duration.ofSeconds(30)).until(() -> "PASSED".equals(status(auditId)));
        assertThat(types(auditEvents(person, 3))).containsExactly(EventTypes.AUDIT_OPENED,
                EventTypes.AUDIT_DECIDED, EventTypes.AUDIT_CLOSED);
    }

    @Test
    void aBurstOfCreditsForManyPeopleIsRecordedInOrderAndPassesTheAuditItCompletes() {
        String audited = person();
        sendRenewed(renewal(audited, "CPT", LocalDate.of(2027, 2, 20)));
        String auditId = awaitAudit(audited, 1);
        // the consumer takes these in batches: the audited person's credits and a void arrive amid other people's
        List<String> others = new ArrayList<>();
        UUID last = null;
        for (int i = 0; i < 150; i++) {
            if (i == 75) {
                sendVerifiedCredit(audited, LocalDate.of(2026, 6, 1), "30");
                // 30 + 10 stays short of 45, and the 10 is voided before the last 15 arrives
                UUID voided = sendVerifiedCredit(audited, LocalDate.of(2026, 6, 2), "10");
                send(Topics.LEDGER, EventTypes.CEC_VOIDED, audited, new CecVoidedV1(voided, audited, "duplicate",
                        "staff-1", ny("2027-03-01T12:00"), LocalDate.of(2026, 6, 2), "GENERAL", new BigDecimal("10")));
            }
            String other = person();
            others.add(other);
            last = sendVerifiedCredit(other, LocalDate.of(2026, 6, 1), "45");
        }
        UUID lastOfAudited = sendVerifiedCredit(audited, LocalDate.of(2026, 6, 3), "15");
        UUID lastOfOthers = last;

        await().atMost(Duration.ofSeconds(30)).until(() -> creditKnown(lastOfOthers) && creditKnown(lastOfAudited));
        assertThat(others).allSatisfy(other -> assertThat(verifiedCredits(other)).isEqualTo(1));
        assertThat(verifiedCredits(audited)).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> "PASSED".equals(status(auditId)));
        assertThat(audit(auditId).jsonPath().getFloat("verifiedCecs")).isEqualTo(45.0f);
        assertThat(types(auditEvents(audited, 3))).containsExactly(EventTypes.AUDIT_OPENED,
                EventTypes.AUDIT_DECIDED, EventTypes.AUDIT_CLOSED);
    }

    @Test
    void grantsAreIgnoredAndAnUnreadableRenewalGoesToTheDeadLetterTopic() {
        String person = person();
        send(Topics.RENEWALS, EventTypes.CERTIFICATION_GRANTED, person, new CertificationGrantedV1(UUID.randomUUID(),
                person, "CPT", LocalDate.of(2027, 1, 2), LocalDate.of(2027, 1, 2), LocalDate.of(2030, 12, 31),
                "staff-1", ny("2027-01-02T10:00")));
        CertificationRenewedV1 noLevel = new CertificationRenewedV1(UUID.randomUUID(), person, "RENEWAL",
                List.of("CPT"), null, LocalDate.of(2027, 2, 20), null, LocalDate.of(2024, 5, 10),
                LocalDate.of(2027, 12, 31), null, null, new BigDecimal("45"), null, null, null, null, null, null);
        Fixtures.sendRenewed(noLevel);
        sendRenewed(renewal(person, "CPT", LocalDate.of(2027, 2, 20)));

        awaitAudit(person, 1);
        List<ConsumerRecord<String, String>> dead = TestKafka.read(Topics.deadLetter(Topics.RENEWALS),
                r -> person.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(TestKafka.header(dead.get(0), CloudEventHeaders.DLQ_REASON)).contains("without level");
        assertThat(audits(person).jsonPath().getInt("totalItems")).isEqualTo(1);
    }

    @Test
    void aRenewalRequestsPaymentRequestedAndExpiryAreNotForTheAuditNeitherAppliedNorDeadLettered() {
        String person = person();
        UUID requestId = UUID.randomUUID();
        String reference = "RNW-0123456789ABCDEFGHJK";
        String requested = send(Topics.RENEWALS, EventTypes.RENEWAL_PAYMENT_REQUESTED, person,
                new RenewalPaymentRequestedV1(requestId, person, "RENEWAL", List.of("CPT"), new BigDecimal("60"),
                        "USD", reference, ny("2027-02-20T10:00"), ny("2027-02-21T10:00"), person));
        String expired = send(Topics.RENEWALS, EventTypes.PENDING_RENEWAL_EXPIRED, person,
                new PendingRenewalExpiredV1(requestId, person, reference, ny("2027-02-21T10:05")));
        // After them on the person's partition: a renewal (into the pool) and an unreadable one (a dead letter).
        String renewed = sendRenewed(renewal(person, "CPT", LocalDate.of(2027, 2, 20)));
        sendRenewed(new CertificationRenewedV1(UUID.randomUUID(), person, "RENEWAL", List.of("CPT"), null,
                LocalDate.of(2027, 2, 20), null, LocalDate.of(2024, 5, 10), LocalDate.of(2027, 12, 31), null, null,
                new BigDecimal("45"), null, null, null, null, null, null));

        awaitAudit(person, 1);
        List<ConsumerRecord<String, String>> dead = TestKafka.read(Topics.deadLetter(Topics.RENEWALS),
                r -> person.equals(r.key()), 1, Duration.ofSeconds(30));
        // The first of the person's dead letters is the unreadable renewal: nothing before it was parked.
        assertThat(dead).hasSize(1);
        assertThat(TestKafka.header(dead.get(0), CloudEventHeaders.DLQ_REASON)).contains("without level");
        assertThat(audits(person).jsonPath().getInt("totalItems")).isEqualTo(1);
        assertThat(processed(requested)).as("not for this consumer: not recorded").isZero();
        assertThat(processed(expired)).isZero();
        assertThat(processed(renewed)).isEqualTo(1);
    }

    static long processed(String eventId) {
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "postgres");
             PreparedStatement s = c.prepareStatement("select count(*) from processed_event where event_id = ?")) {
            s.setString(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean creditKnown(UUID creditId) {
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "postgres");
             PreparedStatement s = c.prepareStatement("select 1 from ledger_credit where credit_id = ?")) {
            s.setObject(1, creditId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long verifiedCredits(String person) {
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "postgres");
             PreparedStatement s = c.prepareStatement(
                     "select count(*) from ledger_credit where certificant_id = ? and verified and not voided")) {
            s.setString(1, person);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
