package org.cecplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.audit.Fixtures.ny;
import static org.cecplatform.audit.Fixtures.person;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cecplatform.audit.application.PoolStore;
import org.cecplatform.audit.application.Sampler;
import org.cecplatform.audit.domain.audit.RenewalUnderAudit;
import org.cecplatform.audit.domain.sampling.Draw;
import org.cecplatform.audit.domain.sampling.LevelYearPool;
import org.cecplatform.audit.domain.sampling.SamplingRate;
import org.cecplatform.audit.domain.sampling.Seed;
import org.cecplatform.platform.eventstore.Snapshots;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A level-year pool is folded from its stream (pool:LEVEL:year), from a snapshot when one is usable: snapshots are a
 * cache that changes no draw and no report figure. Renewals here are long past auditable (the clock is in 2060), so
 * draws select without opening audits.
 */
@QuarkusTest
class PoolEventSourcingTest {

    static final String LEVEL = "EP"; // 10 % in the tests: blocks of 10, one selected in each

    @Inject
    Sampler sampler;
    @Inject
    PoolStore pools;
    @Inject
    Snapshots snapshots;
    @Inject
    ServiceClock clock;

    @BeforeEach
    void longAfterTheRenewals() {
        clock.set(ny("2060-01-02T12:00"));
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void givenAPoolWithASnapshot_whenEverySnapshotIsDeleted_thenNoDrawAndNoReportFigureChanges() {
        int year = 2041;
        List<Draw> draws = enter(year, 230);
        assertThat(draws).extracting(Draw::ordinal).startsWith(1L, 2L).endsWith(230L);
        assertThat(TableRows.count("select count(*) from aggregate_snapshot where aggregate_id = ?",
                LevelYearPool.streamId(LEVEL, year))).as("a pool of 231 events is snapshotted").isEqualTo(1);

        PoolStore.Loaded fromSnapshot = load(year);
        String report = report(year);
        assertThat(fromSnapshot.eventsFolded()).as("events folded after the snapshot")
                .isLessThan(PoolStore.SNAPSHOT_EVERY);

        snapshots.deleteAll();
        PoolStore.Loaded fromEvents = load(year);

        assertThat(fromEvents.eventsFolded()).isEqualTo(231);
        assertThat(fromEvents.sequence()).isEqualTo(fromSnapshot.sequence()).isEqualTo(231);
        assertThat(fromEvents.pool().state()).isEqualTo(fromSnapshot.pool().state());
        assertThat(fromEvents.pool().renewals()).isEqualTo(230);
        assertThat(fromEvents.pool().selected()).isEqualTo(draws.stream().filter(Draw::selected).count()).isEqualTo(23);
        assertThat(report(year)).isEqualTo(report);

        // drawing on without snapshots continues the same sequence of draws as the seed gives them
        List<Draw> more = enter(year, 20);
        Seed seed = fromEvents.pool().seed();
        SamplingRate rate = fromEvents.pool().rate();
        for (Draw draw : more) {
            assertThat(draw).isEqualTo(LevelYearPool.reproduce(seed, LEVEL, year, rate, draw.ordinal()));
        }
        assertThat(more).extracting(Draw::ordinal).startsWith(231L).endsWith(250L);
        assertThat(TableRows.strings("select renewals || '/' || selected from sampling_pool where level = ? and year = ?",
                LEVEL, year)).containsExactly("250/25");
    }

    @Test
    void aSnapshotOfAnotherSchemaVersionOrAheadOfItsStreamIsIgnored() {
        int year = 2042;
        enter(year, 5);
        String stream = LevelYearPool.streamId(LEVEL, year);
        PoolStore.Loaded truth = load(year);
        String forged = "{\"level\":\"EP\",\"year\":2042,\"seed\":\"" + Seed.fixed(7).hex() + "\",\"rate\":0.5,"
                + "\"perBlock\":1,\"blockSize\":2,\"renewals\":77,\"selected\":70}";

        writeSnapshot(stream, 6, PoolStore.SNAPSHOT_SCHEMA + 1, forged);
        assertThat(load(year).pool().state()).as("another schema version").isEqualTo(truth.pool().state());
        writeSnapshot(stream, 50, PoolStore.SNAPSHOT_SCHEMA, forged);
        assertThat(load(year).pool().state()).as("ahead of the stream").isEqualTo(truth.pool().state());
        assertThat(load(year).eventsFolded()).isEqualTo(6);
        assertThat(enter(year, 1)).extracting(Draw::ordinal).containsExactly(6L);

        // the control: a snapshot of this schema inside the stream is trusted (which is why the others must not be)
        writeSnapshot(stream, 7, PoolStore.SNAPSHOT_SCHEMA, forged);
        assertThat(load(year).pool().renewals()).isEqualTo(77);
        TableRows.execute("delete from aggregate_snapshot where aggregate_id = ?", stream);
        assertThat(load(year).pool().renewals()).isEqualTo(6);
    }

    private List<Draw> enter(int year, int count) {
        List<Draw> draws = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RenewalUnderAudit renewal = renewal(LEVEL, year);
            draws.add(QuarkusTransaction.requiringNew().call(() -> sampler.enter(renewal)).orElseThrow());
        }
        return draws;
    }

    static RenewalUnderAudit renewal(String level, int year) {
        LocalDate renewedOn = LocalDate.of(year, 2, 20);
        return new RenewalUnderAudit(UUID.randomUUID(), person(), "RENEWAL", List.of(level), level, year, renewedOn,
                LocalDate.of(year - 3, 5, 10), renewedOn, new BigDecimal("45"), new BigDecimal("46"),
                LocalDate.of(year + 3, 12, 31));
    }

    private PoolStore.Loaded load(int year) {
        return QuarkusTransaction.requiringNew().call(() -> pools.load(LEVEL, year)).orElseThrow();
    }

    static String report(int year) {
        return given().auth().oauth2(TestTokens.staff()).get("/api/v1/sampling/{year}", year)
                .then().statusCode(200).extract().asString();
    }

    private static void writeSnapshot(String stream, long sequence, int schema, String state) {
        TableRows.execute("insert into aggregate_snapshot (aggregate_id, sequence, schema_version, state, taken_at)"
                + " values (?, ?, ?, ?::json, now()) on conflict (aggregate_id) do update set sequence = excluded.sequence,"
                + " schema_version = excluded.schema_version, state = excluded.state", stream, sequence, schema, state);
    }
}
