package org.cecplatform.platform.projection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cecplatform.platform.fixture.Notes;
import org.cecplatform.testsupport.TestDatabase;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rebuilds on the real PostgreSQL, with the notes fixture's projection: a rebuild that runs while notes keep being
 * written ends with the live table equal to what the event log says, changes no event and can be watched and refused.
 */
@QuarkusTest
class ProjectionRebuildTest {

    private static final String REBUILD = "/api/v1/admin/projections/notes/rebuild";

    @Inject
    Notes notes;
    @Inject
    ProjectionRebuilds rebuilds;
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void noRebuildRunning() throws Exception {
        rebuilds.awaitFinished("notes", Duration.ofMinutes(1));
        sql("delete from projection_rebuild");
    }

    @Test
    void aRebuildWhileNotesAreWrittenEndsWithTheTallyTheEventLogGives() throws Exception {
        for (int i = 0; i < 300; i++) {
            notes.write("tally-" + (i % 25), "before " + i);
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(3);
        List<Future<Integer>> written = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            int writer = w;
            written.add(writers.submit(() -> {
                int n = 0;
                while (writing.get() || n < 20) {
                    notes.write("tally-" + ((writer * 7 + n) % 25), "during " + writer + "/" + n);
                    n++;
                }
                return n;
            }));
        }

        given().auth().oauth2(TestTokens.staff()).post(REBUILD)
                .then().statusCode(202).body("projection", equalTo("notes")).body("state", equalTo("RUNNING"));
        RebuildProgress finished = rebuilds.awaitFinished("notes", Duration.ofMinutes(2)).orElseThrow();
        writing.set(false);
        int during = 0;
        for (Future<Integer> f : written) {
            during += f.get();
        }
        writers.shutdown();

        assertThat(finished.state()).as(finished.error()).isEqualTo(RebuildProgress.COMPLETED);
        assertThat(finished.eventsTotal()).isNotNull().isPositive();
        assertThat(finished.eventsDone()).isGreaterThanOrEqualTo(finished.eventsTotal());
        assertThat(during).isGreaterThanOrEqualTo(60);
        assertThat(rows("select certificant_id, notes, last_text from note_tally order by 1"))
                .isEqualTo(rows(FROM_THE_LOG))
                .isNotEmpty();
        assertThat(rows("select count(*) from note_tally_shadow")).containsExactly("0");
        given().auth().oauth2(TestTokens.auditor()).get(REBUILD)
                .then().statusCode(200).body("state", equalTo("COMPLETED")).body("startedBy", equalTo("staff-1"));
    }

    /** The tally computed straight from the events: the truth the projection must equal. */
    private static final String FROM_THE_LOG = "select aggregate_id, count(*), (array_agg(payload->>'text'"
            + " order by sequence desc))[1] from event_log where event_type = '" + Notes.TYPE + "'"
            + " group by aggregate_id order by 1";

    @Test
    void aRebuildChangesNoEventAndPublishesNothing() throws Exception {
        notes.write("quiet-" + UUID.randomUUID(), "one");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> rows("select count(*) from event_log where published_at is null and topic is not null")
                        .equals(List.of("0")));
        List<String> log = rows("select count(*), max(position), count(published_at) from event_log");

        given().auth().oauth2(TestTokens.staff()).post(REBUILD).then().statusCode(202);
        assertThat(rebuilds.awaitFinished("notes", Duration.ofMinutes(2)).orElseThrow().state())
                .isEqualTo(RebuildProgress.COMPLETED);

        assertThat(rows("select count(*), max(position), count(published_at) from event_log")).isEqualTo(log);
    }

    @Test
    void oneRebuildAtATimeAcrossInstancesAndAnAbandonedOneMayBeStartedAgain() throws Exception {
        sql("insert into projection_rebuild (name, state, started_at, started_by, heartbeat_at, run_by)"
                + " values ('notes', 'RUNNING', now(), 'staff-2', now(), 'another-instance')");
        given().auth().oauth2(TestTokens.staff()).post(REBUILD)
                .then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("rebuild-running"));
        given().auth().oauth2(TestTokens.staff()).get(REBUILD).then().statusCode(200).body("state", equalTo("RUNNING"));

        sql("update projection_rebuild set heartbeat_at = now() - interval '3 minutes'");
        given().auth().oauth2(TestTokens.staff()).get(REBUILD)
                .then().statusCode(200).body("state", equalTo("ABANDONED"));
        given().auth().oauth2(TestTokens.staff()).post(REBUILD).then().statusCode(202);
        assertThat(rebuilds.awaitFinished("notes", Duration.ofMinutes(2)).orElseThrow().state())
                .isEqualTo(RebuildProgress.COMPLETED);
    }

    @Test
    void unknownProjectionsAreNotFoundAndOnlyStaffRebuild() {
        given().auth().oauth2(TestTokens.staff()).post("/api/v1/admin/projections/nothing/rebuild")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.auditor()).post(REBUILD).then().statusCode(403);
        given().auth().oauth2(TestTokens.certificant("c-1")).get(REBUILD).then().statusCode(403);
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/admin/projections")
                .then().statusCode(200).body("projection", org.hamcrest.Matchers.hasItem("notes"));
    }

    @Test
    void everyShadowHasItsTablesColumns() {
        assertThat(rebuilds.shadowMismatches()).isEmpty();
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private List<String> rows(String query) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return TestDatabase.rows(c, query);
        }
    }
}
