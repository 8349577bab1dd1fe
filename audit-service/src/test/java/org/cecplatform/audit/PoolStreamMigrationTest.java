package org.cecplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.audit.Fixtures.ny;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cecplatform.audit.application.PoolStore;
import org.cecplatform.audit.application.Sampler;
import org.cecplatform.audit.application.SamplingProjection;
import org.cecplatform.audit.domain.audit.RenewalUnderAudit;
import org.cecplatform.audit.domain.sampling.Draw;
import org.cecplatform.audit.domain.sampling.LevelYearPool;
import org.cecplatform.audit.domain.sampling.SamplingRate;
import org.cecplatform.audit.domain.sampling.Seed;
import org.cecplatform.platform.projection.ProjectionRebuilds;
import org.cecplatform.platform.projection.RebuildProgress;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.OlderRelease;
import org.cecplatform.testsupport.PostgresTestResource;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pool written before the pools were event-sourced (rows in sampling_pool and pool_entry, no events) gets its stream
 * from migration V5; that stream loads, draws on where the pool was, and rebuilds the same rows. The migration runs on
 * a database of its own on the test server; the stream it writes then joins the service's own database next to the
 * same old rows, as after an upgrade.
 */
@QuarkusTest
class PoolStreamMigrationTest {

    static final String LEVEL = "EP";
    static final int YEAR = 2046;
    static final Seed SEED = Seed.fixed(46);
    static final SamplingRate RATE = SamplingRate.of(new BigDecimal("0.10"));

    @Inject
    Sampler sampler;
    @Inject
    PoolStore pools;
    @Inject
    ObjectMapper json;
    @Inject
    ProjectionRebuilds rebuilds;
    @Inject
    ServiceClock clock;

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void aPoolStreamWrittenByTheMigrationLoadsDrawsOnAndRebuildsTheSameRows() throws Exception {
        List<Draw> oldDraws = new ArrayList<>();
        LevelYearPool old = new LevelYearPool(LEVEL, YEAR, SEED, RATE, 0, 0);
        for (int i = 0; i < 25; i++) {
            oldDraws.add(old.enter());
        }
        List<RenewalUnderAudit> oldRenewals = oldDraws.stream()
                .map(d -> PoolEventSourcingTest.renewal(LEVEL, YEAR)).toList();

        List<StoredRow> stream = migrateOldRowsAndReadTheStream(oldDraws, oldRenewals);

        assertThat(stream).extracting(StoredRow::sequence).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 26).boxed().toList());
        assertThat(stream).extracting(StoredRow::type).startsWith("audit.PoolOpened.v1")
                .containsOnlyOnce("audit.PoolOpened.v1").filteredOn("audit.RenewalDrawn.v1"::equals).hasSize(25);
        assertThat(stream).extracting(StoredRow::topic).as("private: no topic").containsOnlyNulls();

        // the upgraded installation: the old rows, and the stream the migration wrote for them
        try (Connection c = PostgresTestResource.superuser()) {
            insertOldRows(c, oldDraws, oldRenewals);
            try (PreparedStatement s = c.prepareStatement("insert into event_log (event_id, aggregate_id, sequence,"
                    + " event_type, topic, partition_key, occurred_at, payload) values (?, ?, ?, ?, ?, ?, ?, ?::json)")) {
                for (StoredRow e : stream) {
                    Object[] columns = e.columns();
                    for (int i = 0; i < columns.length; i++) {
                        s.setObject(i + 1, columns[i]);
                    }
                    s.executeUpdate();
                }
            }
        }

        PoolStore.Loaded loaded = QuarkusTransaction.requiringNew().call(() -> pools.load(LEVEL, YEAR)).orElseThrow();
        assertThat(loaded.pool().state()).isEqualTo(old.state());

        clock.set(ny("2060-01-02T12:00")); // long past auditable: drawn, no audit opened
        RenewalUnderAudit next = PoolEventSourcingTest.renewal(LEVEL, YEAR);
        Draw drawn = QuarkusTransaction.requiringNew().call(() -> sampler.enter(next)).orElseThrow();
        assertThat(drawn).isEqualTo(LevelYearPool.reproduce(SEED, LEVEL, YEAR, RATE, 26));
        JsonPath report = JsonPath.from(PoolEventSourcingTest.report(YEAR));
        assertThat(report.getLong("levels.find { it.credential == 'EP' }.renewals")).isEqualTo(26);
        assertThat(report.getLong("levels.find { it.credential == 'EP' }.selected"))
                .isEqualTo(oldDraws.stream().filter(Draw::selected).count() + (drawn.selected() ? 1 : 0));

        List<String> pools = TableRows.of("sampling_pool", "level, year");
        List<String> entries = TableRows.of("pool_entry", "renewal_id");
        assertThat(entries).hasSizeGreaterThanOrEqualTo(26);

        rebuild(SamplingProjection.NAME);

        assertThat(TableRows.of("sampling_pool", "level, year")).containsExactlyElementsOf(pools);
        assertThat(TableRows.of("pool_entry", "renewal_id")).containsExactlyElementsOf(entries);
    }

    private void rebuild(String name) throws InterruptedException {
        given().auth().oauth2(TestTokens.staff()).post("/api/v1/admin/projections/{name}/rebuild", name)
                .then().statusCode(202);
        assertThat(rebuilds.awaitFinished(name, Duration.ofSeconds(60)))
                .hasValueSatisfying(p -> assertThat(p.state()).as(String.valueOf(p.error()))
                        .isEqualTo(RebuildProgress.COMPLETED));
    }

    /** Migrates a new database to V3, writes the old rows, migrates to the latest version and reads the pool's stream. */
    private List<StoredRow> migrateOldRowsAndReadTheStream(List<Draw> draws, List<RenewalUnderAudit> renewals)
            throws Exception {
        OlderRelease older = OlderRelease.migratedWith(ReleaseBeforeEventSourcing.SCRIPTS);
        String url = older.url();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            insertOldRows(c, draws, renewals);
        }
        older.upgrade();

        List<StoredRow> events = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
             PreparedStatement s = c.prepareStatement("select event_id, aggregate_id, sequence, event_type, topic,"
                     + " partition_key, occurred_at, payload::text from event_log where aggregate_id = ?"
                     + " order by sequence")) {
            s.setString(1, LevelYearPool.streamId(LEVEL, YEAR));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new StoredRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7), rs.getString(8)));
                }
            }
        }
        return events;
    }

    /** An event_log row as the migration wrote it. */
    record StoredRow(UUID eventId, String aggregateId, long sequence, String type, String topic, String key,
                     Timestamp occurredAt, String payload) {

        Object[] columns() {
            return new Object[] {eventId, aggregateId, sequence, type, topic, key, occurredAt, payload};
        }
    }

    /** The rows as the service wrote them before V5 (PoolRepository's insert statements of that time). */
    private void insertOldRows(Connection c, List<Draw> draws, List<RenewalUnderAudit> renewals) throws Exception {
        Instant opened = Instant.parse("2046-01-03T14:15:16.123456Z");
        try (PreparedStatement s = c.prepareStatement("insert into sampling_pool (level, year, seed, rate, per_block,"
                + " block_size, renewals, selected, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, LEVEL);
            s.setInt(2, YEAR);
            s.setString(3, SEED.hex());
            s.setBigDecimal(4, RATE.rate());
            s.setInt(5, RATE.perBlock());
            s.setInt(6, RATE.blockSize());
            s.setLong(7, draws.size());
            s.setLong(8, draws.stream().filter(Draw::selected).count());
            s.setTimestamp(9, Timestamp.from(opened));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("insert into pool_entry (renewal_id, certificant_id, level, year,"
                + " renewed_on, auditable_until, renewal, ordinal, block, position, block_size, per_block, draw,"
                + " selected, entered_at) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < draws.size(); i++) {
                Draw draw = draws.get(i);
                RenewalUnderAudit renewal = renewals.get(i);
                s.setObject(1, renewal.renewalId());
                s.setString(2, renewal.certificantId());
                s.setString(3, LEVEL);
                s.setInt(4, YEAR);
                s.setObject(5, renewal.renewedOn());
                s.setObject(6, renewal.renewedOn().plusYears(2));
                s.setString(7, json.writeValueAsString(renewal));
                s.setLong(8, draw.ordinal());
                s.setLong(9, draw.block());
                s.setInt(10, draw.position());
                s.setInt(11, draw.blockSize());
                s.setInt(12, draw.perBlock());
                s.setInt(13, draw.offset());
                s.setBoolean(14, draw.selected());
                s.setTimestamp(15, Timestamp.from(opened.plusSeconds(60L * i + 7).plusNanos(1000L * i)));
                s.executeUpdate();
            }
        }
    }
}
