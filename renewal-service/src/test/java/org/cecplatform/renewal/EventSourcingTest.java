package org.cecplatform.renewal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.renewal.Fixtures.form;
import static org.cecplatform.renewal.Fixtures.grant;
import static org.cecplatform.renewal.Fixtures.newPerson;
import static org.cecplatform.renewal.Fixtures.newYork;
import static org.cecplatform.renewal.Fixtures.renew;
import static org.cecplatform.renewal.Projections.certificationRows;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.platform.projection.ProjectionRebuilds;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.renewal.application.AuditOutcome;
import org.cecplatform.renewal.application.CertificationCommands;
import org.cecplatform.renewal.domain.CertificationStatus;
import org.cecplatform.renewal.domain.CycleCalendar;
import org.cecplatform.renewal.domain.RenewalRulesHistory;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The person's stream is the aggregate and the read tables are its projections (README "Event sourcing"): streams
 * an older release wrote (version 1 events, tables written beside them) still load and project after the upgrade's
 * import, and a rebuild while commands run gives back every row, with no side effect.
 */
@QuarkusTest
class EventSourcingTest {

    @Inject
    ServiceClock clock;
    @Inject
    CertificationCommands commands;
    @Inject
    RenewalRulesHistory rules;
    @Inject
    ProjectionRebuilds rebuilds;

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    private CycleCalendar calendar(String day) {
        return rules.on(LocalDate.parse(day)).calendar();
    }

    // ------------------------------------------------------------------------------------------- (a) version 1

    @Test
    void aStreamAnOlderReleaseWroteLoadsRenewsAndRebuildsToTheSameRows() throws Exception {
        String person = newPerson();
        UUID cpt = UUID.randomUUID();
        UUID gei = UUID.randomUUID();
        UUID renewal = UUID.randomUUID();
        UUID audit = UUID.randomUUID();
        LocalDate cptEnd = LocalDate.parse("2027-12-31");
        LocalDate geiEnd = calendar("2025-03-01").cycleEndFor(LocalDate.parse("2025-03-01"));
        LocalDate renewedStart = calendar("2027-06-01").renewedCycleStart(cptEnd);
        LocalDate renewedEnd = calendar("2027-06-01").renewedCycleEnd(cptEnd);
        try (Connection c = Projections.database()) {
            // What an older release wrote: version 1 events (already published) ...
            v1Event(c, person, 1, EventTypes.CERTIFICATION_GRANTED, "2024-05-10T14:00:00Z", "{\"certificationId\":\""
                    + cpt + "\",\"certificantId\":\"" + person + "\",\"credential\":\"CPT\",\"certifiedOn\":"
                    + "\"2024-05-10\",\"cycleStart\":\"2024-05-10\",\"cycleEnd\":\"2027-12-31\",\"grantedBy\":"
                    + "\"staff-1\",\"grantedAt\":\"2024-05-10T14:00:00Z\"}");
            v1Event(c, person, 2, EventTypes.CERTIFICATION_GRANTED, "2025-03-01T14:00:00Z", "{\"certificationId\":\""
                    + gei + "\",\"certificantId\":\"" + person + "\",\"credential\":\"GEI\",\"certifiedOn\":"
                    + "\"2025-03-01\",\"cycleStart\":\"2025-03-01\",\"cycleEnd\":\"" + geiEnd + "\",\"grantedBy\":"
                    + "\"staff-1\",\"grantedAt\":\"2025-03-01T14:00:00Z\"}");
            v1Event(c, person, 3, EventTypes.CERTIFICATION_RENEWED, "2027-06-01T14:00:00Z", "{\"renewalId\":\""
                    + renewal + "\",\"certificantId\":\"" + person + "\",\"kind\":\"RENEWAL\",\"credentials\":"
                    + "[\"CPT\"],\"level\":\"CPT\",\"renewedOn\":\"2027-06-01\",\"renewedAt\":\"2027-06-01T14:00:00Z\","
                    + "\"previousCycleStart\":\"2024-05-10\",\"previousCycleEnd\":\"2027-12-31\",\"cycleStart\":\""
                    + renewedStart + "\",\"cycleEnd\":\"" + renewedEnd + "\",\"cecsRequired\":45,"
                    + "\"cecsAttested\":45.0,\"cecsTracked\":12.5,\"feeTotal\":60.00,\"currency\":\"USD\"}");
            v1Event(c, person, 4, EventTypes.CERTIFICATION_STATUS_CHANGED, "2027-09-01T14:00:00Z",
                    "{\"certificationId\":\"" + gei + "\",\"certificantId\":\"" + person + "\",\"credential\":\"GEI\","
                    + "\"from\":\"ACTIVE\",\"to\":\"INACTIVE\",\"reason\":\"audit " + audit + ": proof overdue\","
                    + "\"effectiveOn\":\"2027-09-01\",\"changedAt\":\"2027-09-01T14:00:00Z\"}");
            // ... and its tables, as it saved them beside the events.
            execute(c, "insert into certificant (certificant_id) values (?)", person);
            execute(c, "insert into certification (certification_id, certificant_id, credential, certified_on,"
                    + " cycle_number, cycle_start, cycle_end, counting_from, status, status_since, inactive_audit_id,"
                    + " next_status_change_on, granted_by, granted_at) values (?, ?, 'CPT', '2024-05-10', 2, ?, ?,"
                    + " '2027-06-02', 'ACTIVE', '2024-05-10', null, ?, 'staff-1', '2024-05-10T14:00:00Z')",
                    cpt, person, renewedStart, renewedEnd,
                    calendar("2027-06-01").nextChangeOn(CertificationStatus.ACTIVE, renewedEnd));
            execute(c, "insert into certification (certification_id, certificant_id, credential, certified_on,"
                    + " cycle_number, cycle_start, cycle_end, counting_from, status, status_since, inactive_audit_id,"
                    + " next_status_change_on, granted_by, granted_at) values (?, ?, 'GEI', '2025-03-01', 1,"
                    + " '2025-03-01', ?, '2025-03-01', 'INACTIVE', '2027-09-01', ?, ?, 'staff-1',"
                    + " '2025-03-01T14:00:00Z')", gei, person, geiEnd, audit,
                    calendar("2027-09-01").nextChangeOn(CertificationStatus.INACTIVE, geiEnd));
            execute(c, "insert into certification_cycle values (?, 1, '2024-05-10', '2027-12-31', '2024-05-10',"
                    + " 'GRANT', null, null, null)", cpt);
            execute(c, "insert into certification_cycle values (?, 2, ?, ?, '2027-06-02', 'RENEWAL', ?, null, null)",
                    cpt, renewedStart, renewedEnd, renewal);
            execute(c, "insert into certification_cycle values (?, 1, '2025-03-01', ?, '2025-03-01', 'GRANT', null,"
                    + " null, null)", gei, geiEnd);
            execute(c, "insert into renewal (renewal_id, certificant_id, kind, credentials, level, renewed_on,"
                    + " renewed_at, cycle_start, cycle_end, cecs_required, attested_submitted, attested_counted,"
                    + " cecs_attested, cecs_tracked, fee_items, fee_total, currency, payment_amount, payment_currency,"
                    + " payment_reference, cpr_provider, cpr_issued_on, cpr_expires_on, cpr_hands_on, submitted_by)"
                    + " values (?, ?, 'RENEWAL', 'CPT', 'CPT', '2027-06-01', '2027-06-01T14:00:00Z', ?, ?, 45,"
                    + " ?::jsonb, ?::jsonb, 45.0, 12.5, '[{\"description\": \"Renewal CPT\", \"amount\": 60.00}]',"
                    + " 60.00, 'USD', 60.00, 'USD', ?, 'American Red Cross', '2026-01-10', '2028-01-10', true, ?)",
                    renewal, person, renewedStart, renewedEnd,
                    attested("50", "null"), attested("45.0", "0"), "pay-" + renewal, person);
            execute(c, "insert into renewal_certification (renewal_id, certification_id, credential,"
                    + " previous_cycle_start, previous_cycle_end, cecs_tracked, gap_from, gap_to, counted_from,"
                    + " counted_to) values (?, ?, 'CPT', '2024-05-10', '2027-12-31', 12.5, null, null, null, null)",
                    renewal, cpt);
            // The upgrade's import (migration V7), for this person only (the other tests' people are already upgraded).
            importWhatTheStreamLacks(c, person);
        }
        Map<String, List<String>> asTheOlderReleaseLeftThem = certificationRows(List.of(person), "updated_at");

        // A rebuild right after the upgrade gives the same rows (updated_at: the older release's write clock).
        assertThat(Projections.rebuild("certifications").getString("state")).isEqualTo("COMPLETED");
        assertThat(certificationRows(List.of(person), "updated_at")).isEqualTo(asTheOlderReleaseLeftThem);

        // The person folds from those events: the calendar moves CPT on; GEI stays held by its audit, and only that
        // audit's cure releases it (the hold came from the import: the version 1 event did not name the audit).
        clock.set(newYork("2031-02-10T10:00"));
        assertThat(commands.settle(person)).isEqualTo(1);
        assertThat(Fixtures.certification(person, "CPT").get("status")).isEqualTo("GRACE");
        QuarkusTransaction.requiringNew().run(() -> commands.apply(new AuditOutcome(AuditOutcome.Kind.CURED,
                UUID.randomUUID(), null, person, List.of("GEI"), null)));
        assertThat(Fixtures.certification(person, "GEI").get("status")).isEqualTo("INACTIVE");
        QuarkusTransaction.requiringNew().run(() -> commands.apply(new AuditOutcome(AuditOutcome.Kind.CURED,
                audit, null, person, List.of("GEI"), null)));
        assertThat(Fixtures.certification(person, "GEI").get("status")).isEqualTo("LAPSED");

        // A late renewal of the version 1 renewed cycle starts the cycle after it.
        renew(person, form(List.of("CPT"), "45", "2030-06-01", "2032-06-01")).statusCode(200)
                .body("kind", equalTo("LATE_RENEWAL"))
                .body("cycleStart", equalTo(calendar("2031-02-10").renewedCycleStart(renewedEnd).toString()));
        assertThat(Fixtures.certification(person, "CPT").get("status")).isEqualTo("ACTIVE");
        Map<String, List<String>> afterCommands = certificationRows(List.of(person));
        assertThat(afterCommands.get("certification_cycle")).hasSize(4);
        assertThat(afterCommands.get("renewal")).hasSize(2);
        assertThat(afterCommands.get("certification").get(0) + afterCommands.get("certification").get(1))
                .contains("\"status\": \"LAPSED\"").contains("\"cycle_number\": 3");

        // And it projects, on a rebuild, to exactly what the commands wrote.
        Projections.rebuild("certifications");
        assertThat(certificationRows(List.of(person))).isEqualTo(afterCommands);
    }

    private static String attested(String online, String committee) {
        return "{\"ceOnlineAndAcsmEvents\": " + online + ", \"otherProviders\": null, \"collegeCourses\": null,"
                + " \"committeeService\": " + committee + ", \"cprAedFirstAid\": null,"
                + " \"publicationsAndPresentations\": null}";
    }

    private static void v1Event(Connection c, String person, long sequence, String type, String at, String payload)
            throws Exception {
        execute(c, "insert into event_log (event_id, aggregate_id, sequence, event_type, topic, partition_key,"
                + " occurred_at, payload, published_at) values (?, ?, ?, ?, ?, ?, ?::timestamptz, ?::json, now())",
                UUID.randomUUID(), person, sequence, type, Topics.RENEWALS, person, at, payload);
    }

    private static void importWhatTheStreamLacks(Connection c, String person) throws Exception {
        String migration;
        try (InputStream in = EventSourcingTest.class.getClassLoader()
                .getResourceAsStream("db/migration/V7__import_what_the_streams_lack.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String onlyThisPerson = migration
                .replace("from renewal r\n", "from (select * from renewal where certificant_id = '" + person + "') r\n")
                .replace("from certification c\nwhere ", "from certification c\nwhere c.certificant_id = '" + person
                        + "' and ");
        assertThat(onlyThisPerson).as("the migration's statements are scoped to the person").contains(person + "') r")
                .contains("c.certificant_id = '" + person + "' and");
        c.createStatement().execute(onlyThisPerson);
    }

    private static void execute(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    // ------------------------------------------------------------------------------------------- (b), (c) rebuilds

    @Test
    void rebuildingTheCertificationsWhileCommandsRunGivesBackEveryRowAndHasNoSideEffect() throws Exception {
        clock.set(newYork("2027-06-01T10:00"));
        String renewing = newPerson();
        grant(renewing, "CPT", "2024-05-10").statusCode(201);
        grant(renewing, "GEI", "2024-06-10").statusCode(201);
        renew(renewing, form(List.of("CPT", "GEI"), "45", "2027-01-10", "2029-01-10")).statusCode(200);
        String audited = newPerson();
        grant(audited, "CPT", "2024-05-10").statusCode(201);
        UUID audit = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> commands.apply(new AuditOutcome(AuditOutcome.Kind.OVERDUE,
                audit, null, audited, List.of("CPT"), null)));
        clock.set(newYork("2029-05-10T10:00"));
        String reinstating = newPerson();
        grant(reinstating, "CPT", "2024-05-10").statusCode(201); // already lapsed: GRACE, LAPSED
        renew(reinstating, form(List.of("CPT"), "45", "2029-01-10", "2031-01-10")).statusCode(200)
                .body("kind", equalTo("REINSTATEMENT"));
        List<String> people = List.of(renewing, audited, reinstating);
        Map<String, List<String>> before = certificationRows(people);
        assertThat(before.get("renewal")).hasSize(2);
        assertThat(before.get("certification")).anyMatch(row -> row.contains("\"inactive_audit_id\": \"" + audit));
        long events = Projections.count("select count(*) from event_log");
        int publishedBefore = Fixtures.allPublished(renewing, Duration.ofSeconds(2)).size();

        // Commands keep running for other people while the rebuild runs.
        AtomicBoolean rebuilding = new AtomicBoolean(true);
        List<String> meanwhile = new CopyOnWriteArrayList<>();
        Thread commandsMeanwhile = new Thread(() -> {
            while (rebuilding.get() || meanwhile.size() < 3) {
                String other = newPerson();
                grant(other, "CPT", "2027-06-01").statusCode(201);
                meanwhile.add(other);
            }
        });
        commandsMeanwhile.start();
        JsonPath done;
        try {
            done = Projections.rebuild("certifications");
        } finally {
            rebuilding.set(false);
            commandsMeanwhile.join(60_000);
        }
        assertThat(done.getString("state")).isEqualTo("COMPLETED");
        assertThat(done.getLong("eventsDone")).isGreaterThanOrEqualTo(done.getLong("eventsTotal"));

        assertThat(certificationRows(people)).isEqualTo(before);
        assertThat(certificationRows(meanwhile).get("certification")).hasSize(meanwhile.size());
        // Nothing was appended or published by the rebuild; the commands meanwhile appended theirs (one grant each).
        assertThat(Projections.count("select count(*) from event_log")).isEqualTo(events + meanwhile.size());
        assertThat(Fixtures.allPublished(renewing, Duration.ofSeconds(2))).hasSize(publishedBefore);

        // A quiet rebuild now gives every row of every table as the live writes and the rebuild left them.
        Map<String, List<String>> everything = certificationRows(null);
        Projections.rebuild("certifications");
        assertThat(certificationRows(null)).isEqualTo(everything);
    }

    @Test
    void rebuildingTheLedgerCreditsFromTheTopicGivesBackEveryCreditAndVoid() throws Exception {
        clock.set(newYork("2027-12-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        UUID voided = UUID.randomUUID();
        UUID voidedFirst = UUID.randomUUID();
        Fixtures.publishEarned(UUID.randomUUID(), person, "2025-01-10", "GENERAL", "12.5");
        Fixtures.publishEarned(voided, person, "2025-02-10", "GENERAL", "9");
        Fixtures.publishVoided(voided, person, "2025-02-10", "GENERAL", "9");
        Fixtures.publishVoided(voidedFirst, person, "2025-03-10", "GENERAL", "4");
        Fixtures.publishEarned(voidedFirst, person, "2025-03-10", "GENERAL", "4");
        Fixtures.publishEarned(UUID.randomUUID(), person, "2025-04-10", "COMMITTEE_SERVICE", "10");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> Projections.ledgerRows(List.of(person)).size() == 4
                        && Fixtures.tracked(person, "CPT").compareTo(new java.math.BigDecimal("20.5")) == 0);
        List<String> before = Projections.ledgerRows(List.of(person));
        assertThat(before).filteredOn(row -> row.contains("\"voided\": true")).hasSize(2);
        long events = Projections.count("select count(*) from event_log");

        JsonPath done = Projections.rebuild("ledger-credits");

        assertThat(done.getString("state")).isEqualTo("COMPLETED");
        assertThat(Projections.ledgerRows(List.of(person))).isEqualTo(before);
        assertThat(Fixtures.tracked(person, "CPT")).isEqualByComparingTo("20.5");
        assertThat(Projections.count("select count(*) from event_log")).isEqualTo(events);
        assertThat(Projections.count("select count(*) from ledger_credit where projected_at is null")).isZero();
        List<String> everything = Projections.ledgerRows(null);
        Projections.rebuild("ledger-credits");
        assertThat(Projections.ledgerRows(null)).isEqualTo(everything);
    }

    // ------------------------------------------------------------------------------------------- (d), (e)

    @Test
    void staffRebuildAndWatchEveryProjectionThroughTheEndpoint() throws Exception {
        grant(newPerson(), "CPT", null).statusCode(201); // something to rebuild from
        given().auth().oauth2(TestTokens.auditor()).when().get("/api/v1/admin/projections")
                .then().statusCode(200).body("projection", hasItems("certifications", "ledger-credits"));
        given().auth().oauth2(TestTokens.staff()).when().post("/api/v1/admin/projections/nothing-such/rebuild")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.certificant("c-1")).when()
                .post("/api/v1/admin/projections/certifications/rebuild").then().statusCode(403);
        given().auth().oauth2(TestTokens.certificant("c-1")).when()
                .get("/api/v1/admin/projections/certifications/rebuild").then().statusCode(403);
        given().auth().oauth2(TestTokens.auditor()).when()
                .post("/api/v1/admin/projections/certifications/rebuild").then().statusCode(403);

        // A writer holding the certification table keeps the rebuild from swapping: it runs until released.
        try (Connection writer = Projections.database()) {
            writer.setAutoCommit(false);
            writer.createStatement().execute("lock table certification in row share mode");
            given().auth().oauth2(TestTokens.staff()).when().post("/api/v1/admin/projections/certifications/rebuild")
                    .then().statusCode(202).body("state", equalTo("RUNNING"));
            given().auth().oauth2(TestTokens.staff()).when().post("/api/v1/admin/projections/certifications/rebuild")
                    .then().statusCode(409).contentType("application/problem+json");
            JsonPath running = Projections.progress("certifications");
            assertThat(running.getString("state")).isEqualTo("RUNNING");
            assertThat(running.getString("startedBy")).isNotBlank();
            writer.rollback();
        }
        JsonPath done = Projections.awaitFinished("certifications");
        assertThat(done.getString("state")).isEqualTo("COMPLETED");
        assertThat(done.getLong("eventsTotal")).isPositive();
        assertThat(done.getLong("eventsDone")).isGreaterThanOrEqualTo(done.getLong("eventsTotal"));
    }

    @Test
    void everyProjectionTableHasAShadowAlikeInColumns() {
        assertThat(rebuilds.projections()).extracting(p -> p.name())
                .containsExactly("certifications", "ledger-credits");
        assertThat(rebuilds.shadowMismatches()).isEmpty();
    }

}
