package org.cecplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.audit.Fixtures.audit;
import static org.cecplatform.audit.Fixtures.awaitAudit;
import static org.cecplatform.audit.Fixtures.ny;
import static org.cecplatform.audit.Fixtures.oneItem;
import static org.cecplatform.audit.Fixtures.person;
import static org.cecplatform.audit.Fixtures.renewal;
import static org.cecplatform.audit.Fixtures.runJob;
import static org.cecplatform.audit.Fixtures.sendRenewed;
import static org.cecplatform.audit.Fixtures.status;
import static org.cecplatform.audit.Fixtures.submit;
import static org.cecplatform.audit.Fixtures.uploadPng;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cecplatform.audit.application.AuditEventStream;
import org.cecplatform.audit.application.AuditStore;
import org.cecplatform.audit.application.EventPayloads;
import org.cecplatform.audit.application.EvidenceReader;
import org.cecplatform.audit.domain.audit.Audit;
import org.cecplatform.audit.domain.audit.AuditPolicy;
import org.cecplatform.audit.domain.audit.AuditState;
import org.cecplatform.audit.domain.audit.RenewalUnderAudit;
import org.cecplatform.audit.domain.audit.Selection;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.platform.outbox.EventLog;
import org.cecplatform.platform.outbox.NewEvent;
import org.cecplatform.platform.outbox.StoredEvent;
import org.cecplatform.platform.persistence.StoredJson;
import org.cecplatform.platform.projection.ProjectionRebuilds;
import org.cecplatform.platform.projection.RebuildProgress;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.TestDatabase;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit queue is the {@code audits} projection of the audits' streams: rebuilt from the event log while the
 * service runs, it gives the rows the commands wrote, row for row, with no side effect; an audit stored before its
 * stream was the truth (imported by the upgrade's migration) loads and goes on; the rebuild endpoint answers as staff
 * and auditors expect.
 */
@QuarkusTest
class AuditsProjectionTest {

    private static final String REBUILD = "/api/v1/admin/projections/audits/rebuild";
    private static final String AUDIT_ROWS = "select audit_id, renewal_id, certificant_id, credential, year, status,"
            + " selection_method, opened_on, next_deadline, version, state::text, updated_at from audit order by 1";
    private static final String LOG_FIGURES = "select count(*), max(position), count(published_at),"
            + " count(*) filter (where topic is not null) from event_log";

    @Inject
    ServiceClock clock;
    @Inject
    ProjectionRebuilds rebuilds;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditStore store;
    @Inject
    EventLog eventLog;
    @Inject
    EvidenceReader evidence;
    @Inject
    AuditPolicy policy;
    @Inject
    StoredJson json;

    @BeforeEach
    void noRebuildRunningOnMarchFirst() throws Exception {
        rebuilds.awaitFinished("audits", Duration.ofMinutes(1));
        sql("delete from projection_rebuild where name = 'audits'");
        clock.set(ny("2027-03-01T12:00"));
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    private record Opened(String person, String auditId) {
    }

    @Test
    void aRebuildAfterEveryKindOfAuditGivesTheSameRowsAndNeitherAddsNorPublishesAnEvent() throws Exception {
        Opened open = opened();
        Opened extended = opened();
        extend(extended.auditId(), "2027-04-20").then().statusCode(200);
        Opened submitted = opened();
        submit(submitted.person(), submitted.auditId(), oneItem(uploadPng(submitted.person(), submitted.auditId()),
                "45")).then().statusCode(200);
        Opened remediation = opened();
        List<String> items = submitTwo(remediation);
        decide(remediation.auditId(), "{\"outcome\":\"REMEDIATION\",\"items\":[{\"itemId\":\"" + items.get(0)
                + "\",\"accepted\":true},{\"itemId\":\"" + items.get(1)
                + "\",\"accepted\":false,\"disallowedReason\":\"out of scope\"}]}").then().statusCode(200);
        Opened passed = opened();
        submit(passed.person(), passed.auditId(), oneItem(uploadPng(passed.person(), passed.auditId()), "45"))
                .then().statusCode(200);
        decide(passed.auditId(), "{\"outcome\":\"PASSED\"}").then().statusCode(200);
        Opened failed = opened();
        List<String> failedItems = submitTwo(failed);
        decide(failed.auditId(), "{\"outcome\":\"FAILED\",\"items\":[{\"itemId\":\"" + failedItems.get(0)
                + "\",\"accepted\":false,\"disallowedReason\":\"no proof\"},{\"itemId\":\"" + failedItems.get(1)
                + "\",\"accepted\":false,\"disallowedReason\":\"no proof\"}]}").then().statusCode(200);
        Opened cured = opened();
        String curedDocument = uploadPng(cured.person(), cured.auditId());

        clock.set(ny("2027-04-10T12:00"));
        runJob("audit-deadlines");
        submit(cured.person(), cured.auditId(), oneItem(curedDocument, "45")).then().statusCode(200);

        assertThat(List.of(open, extended, submitted, remediation, passed, failed, cured))
                .extracting(o -> status(o.auditId()))
                .containsExactly("OVERDUE", "OPEN", "SUBMITTED", "REMEDIATION", "PASSED", "FAILED", "SUBMITTED");
        awaitRelayIdle();
        List<String> before = rows(AUDIT_ROWS);
        List<String> log = rows(LOG_FIGURES);

        given().auth().oauth2(TestTokens.staff()).post(REBUILD)
                .then().statusCode(202).body("projection", equalTo("audits")).body("state", equalTo("RUNNING"));
        RebuildProgress finished = rebuilds.awaitFinished("audits", Duration.ofMinutes(2)).orElseThrow();

        assertThat(finished.state()).as(finished.error()).isEqualTo(RebuildProgress.COMPLETED);
        assertThat(rows(AUDIT_ROWS)).isEqualTo(before).hasSizeGreaterThanOrEqualTo(7);
        assertThat(rows(LOG_FIGURES)).as("no event added, none published").isEqualTo(log);
        assertThat(rows("select count(*) from audit_shadow")).containsExactly("0");
        given().auth().oauth2(TestTokens.auditor()).get(REBUILD).then().statusCode(200)
                .body("state", equalTo("COMPLETED"))
                .body("eventsDone", equalTo((int) finished.eventsDone()))
                .body("startedBy", equalTo("staff-1"));
        assertThat(finished.eventsTotal()).isNotNull().isPositive();
        assertThat(finished.eventsDone()).isGreaterThanOrEqualTo(finished.eventsTotal());
    }

    @Test
    void aRebuildWhileAuditsOpenAndChangeLosesNoneAndEqualsEveryAuditFoldedFromItsStream() throws Exception {
        List<Opened> toExtend = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            toExtend.add(opened());
        }
        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<String> openedDuring = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            openedDuring.add(person());
        }
        Future<?> extending = writers.submit(() -> toExtend.forEach(
                o -> extend(o.auditId(), "2027-04-20").then().statusCode(200)));
        Future<?> opening = writers.submit(() -> openedDuring.forEach(
                p -> sendRenewed(renewal(p, "CPT", LocalDate.of(2027, 2, 20)))));

        given().auth().oauth2(TestTokens.staff()).post(REBUILD).then().statusCode(202);
        RebuildProgress finished = rebuilds.awaitFinished("audits", Duration.ofMinutes(2)).orElseThrow();
        extending.get();
        opening.get();
        writers.shutdown();
        openedDuring.forEach(p -> awaitAudit(p, 1));

        assertThat(finished.state()).as(finished.error()).isEqualTo(RebuildProgress.COMPLETED);
        assertThat(toExtend).extracting(o -> audit(o.auditId()).jsonPath().getString("proofDueOn"))
                .containsOnly("2027-04-20");
        // every row is its audit folded from its stream, whichever of the rebuild and the commands wrote it last
        for (String row : rows("select audit_id, state::text, version from audit")) {
            String[] cells = row.split("\\|");
            AuditStore.Loaded loaded = QuarkusTransaction.requiringNew()
                    .call(() -> store.load(UUID.fromString(cells[0])).orElseThrow());
            assertThat(normalised(json.write(loaded.audit().state()))).as(cells[0]).isEqualTo(cells[1]);
            assertThat(Long.parseLong(cells[2])).as(cells[0]).isEqualTo(loaded.version());
        }
        List<String> settled = rows(AUDIT_ROWS);
        given().auth().oauth2(TestTokens.staff()).post(REBUILD).then().statusCode(202);
        assertThat(rebuilds.awaitFinished("audits", Duration.ofMinutes(2)).orElseThrow().state())
                .isEqualTo(RebuildProgress.COMPLETED);
        assertThat(rows(AUDIT_ROWS)).isEqualTo(settled);
    }

    @Test
    void anAuditImportedByTheUpgradeLoadsFromItsOldEventsAndItsImportAndGoesOn() throws Exception {
        String person = person();
        UUID auditId = UUID.randomUUID();
        AuditState before = oldStyleAudit(person, auditId);

        sql(importStatementOfV4());

        List<StoredEvent> stream = QuarkusTransaction.requiringNew().call(() -> eventLog.load(auditId.toString()));
        assertThat(stream).extracting(StoredEvent::type).containsExactly(EventTypes.AUDIT_OPENED,
                EventTypes.AUDIT_EXTENDED, AuditEventStream.STATE_IMPORTED);
        assertThat(rows("select version from audit where audit_id = '" + auditId + "'")).containsExactly("3");
        AuditStore.Loaded loaded = QuarkusTransaction.requiringNew().call(() -> store.load(auditId).orElseThrow());
        assertThat(loaded.audit().state()).isEqualTo(before);
        assertThat(loaded.version()).isEqualTo(3);

        String document = uploadPng(person, auditId.toString());
        submit(person, auditId.toString(), oneItem(document, "45")).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("extension.reason", equalTo("illness"))
                .body("proofDueOn", equalTo("2027-04-20"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> eventLog.load(auditId.toString())))
                .extracting(StoredEvent::type).endsWith(AuditEventStream.PROOF_ITEMS_SUBMITTED,
                        EventTypes.AUDIT_PROOF_SUBMITTED);

        List<String> row = rows(AUDIT_ROWS.replace("order by 1", "where audit_id = '" + auditId + "'"));
        given().auth().oauth2(TestTokens.staff()).post(REBUILD).then().statusCode(202);
        assertThat(rebuilds.awaitFinished("audits", Duration.ofMinutes(2)).orElseThrow().state())
                .isEqualTo(RebuildProgress.COMPLETED);
        assertThat(rows(AUDIT_ROWS.replace("order by 1", "where audit_id = '" + auditId + "'")))
                .isEqualTo(row).hasSize(1);
    }

    @Test
    void theRebuildEndpointIsStaffsRefusesASecondRunAndKnowsItsProjections() throws Exception {
        given().auth().oauth2(TestTokens.staff()).post("/api/v1/admin/projections/nothing/rebuild")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.auditor()).post(REBUILD).then().statusCode(403);
        given().auth().oauth2(TestTokens.certificant("c-1")).get(REBUILD).then().statusCode(403);
        given().auth().oauth2(TestTokens.certificant("c-1")).post(REBUILD).then().statusCode(403);
        given().auth().oauth2(TestTokens.auditor()).get("/api/v1/admin/projections")
                .then().statusCode(200).body("projection", hasItem("audits"));

        sql("insert into projection_rebuild (name, state, started_at, started_by, heartbeat_at, run_by)"
                + " values ('audits', 'RUNNING', now(), 'staff-2', now(), 'another-instance')");
        given().auth().oauth2(TestTokens.staff()).post(REBUILD).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("rebuild-running"));
        given().auth().oauth2(TestTokens.staff()).get(REBUILD).then().statusCode(200)
                .body("state", equalTo("RUNNING")).body("startedBy", equalTo("staff-2"));
        sql("delete from projection_rebuild where name = 'audits'");
    }

    @Test
    void theShadowOfTheAuditTableHasItsColumns() {
        assertThat(rebuilds.shadowMismatches()).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private Opened opened() {
        String person = person();
        sendRenewed(renewal(person, "CPT", LocalDate.of(2027, 2, 20)));
        return new Opened(person, awaitAudit(person, 1));
    }

    private List<String> submitTwo(Opened o) {
        String document = uploadPng(o.person(), o.auditId());
        submit(o.person(), o.auditId(), "{\"items\":["
                + "{\"title\":\"Workshop A\",\"provider\":\"NASM\",\"completedOn\":\"2026-02-01\",\"cecs\":30,"
                + "\"category\":\"GENERAL\",\"documentIds\":[\"" + document + "\"]},"
                + "{\"title\":\"Yoga retreat\",\"provider\":\"Spa\",\"completedOn\":\"2026-03-01\",\"cecs\":15,"
                + "\"category\":\"GENERAL\",\"documentIds\":[\"" + document + "\"]}]}").then().statusCode(200);
        JsonPath submitted = audit(o.auditId()).jsonPath();
        return List.of(submitted.getString("items[0].itemId"), submitted.getString("items[1].itemId"));
    }

    private static Response extend(String auditId, String newDueOn) {
        return given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON)
                .body("{\"newDueOn\":\"" + newDueOn + "\",\"reason\":\"illness\"}")
                .when().post("/api/v1/audits/{id}/extension", auditId).then().extract().response();
    }

    private static Response decide(String auditId, String body) {
        return given().auth().oauth2(TestTokens.auditor()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/audits/{id}/decision", auditId).then().extract().response();
    }

    /**
     * An audit as the service stored it before this change: its row with the state, and in its stream only the
     * public events (AuditOpened, AuditExtended). Returns its state.
     */
    private AuditState oldStyleAudit(String person, UUID auditId) {
        RenewalUnderAudit renewal = new RenewalUnderAudit(UUID.randomUUID(), person, "RENEWAL", List.of("CPT"), "CPT",
                2027, LocalDate.of(2027, 2, 20), LocalDate.of(2024, 5, 10), LocalDate.of(2027, 2, 20),
                new BigDecimal("45"), new BigDecimal("46"), LocalDate.of(2030, 12, 31));
        Instant openedAt = clock.instant();
        Instant extendedAt = openedAt.plusSeconds(60);
        return QuarkusTransaction.requiringNew().call(() -> {
            Audit audit = Audit.open(policy, auditId, renewal, Selection.manual("staff-1"),
                    evidence.of(renewal, auditId), openedAt);
            List<NewEvent> old = new ArrayList<>(EventPayloads.toNewEvents(audit.state(), audit.changes()));
            Audit extended = Audit.restore(policy, audit.state());
            extended.extend(LocalDate.of(2027, 4, 20), "illness", "staff-1", extendedAt);
            old.addAll(EventPayloads.toNewEvents(extended.state(), extended.changes()));
            eventLog.append(0, old);
            AuditState state = extended.state();
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "insert into audit (audit_id, renewal_id, certificant_id, credential, year, status,"
                            + " selection_method, opened_on, next_deadline, version, state, updated_at)"
                            + " values (?, ?, ?, 'CPT', 2027, 'OPEN', 'MANUAL', ?, ?, 2, ?::jsonb, ?)")) {
                s.setObject(1, auditId);
                s.setObject(2, renewal.renewalId());
                s.setString(3, person);
                s.setObject(4, state.openedOn());
                s.setObject(5, state.nextDeadline());
                s.setString(6, json.write(state));
                s.setTimestamp(7, Timestamp.from(extendedAt));
                s.executeUpdate();
            }
            return state;
        });
    }

    /** The import of V4 as the migration has it (it leaves audits whose stream starts them alone). */
    private static String importStatementOfV4() throws IOException {
        try (InputStream in = AuditsProjectionTest.class.getClassLoader()
                .getResourceAsStream("db/migration/V4__audit_stream_and_projection.sql")) {
            String migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String statement = migration.substring(migration.indexOf("with imported as"));
            return statement.substring(0, statement.lastIndexOf(';'));
        }
    }

    private void awaitRelayIdle() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> rows("select count(*) from event_log where published_at is null and topic is not null")
                        .equals(List.of("0")));
    }

    /** JSON as the audit table's jsonb column gives it back. */
    private String normalised(String jsonText) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select ?::jsonb::text")) {
            s.setString(1, jsonText);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void sql(String statement) throws SQLException {
        TestDatabase.execute(dataSource, statement);
    }

    private List<String> rows(String query) throws SQLException {
        return TestDatabase.rows(dataSource, query);
    }
}
