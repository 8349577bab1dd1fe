package org.cecplatform.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.HdrHistogram.Histogram;

/**
 * Watches renewal-service's {@code ledger_credit} projection until every completion of a phase is in it, then reads
 * each row's {@code projected_at} to give the lag from the completion's send time to its projection.
 */
public final class ProjectionWatch {

    /** How long the projection may stand still before the run is declared stuck. */
    static final Duration STALL_LIMIT = Duration.ofSeconds(180);

    /** How often the projection is counted while waiting. */
    private static final Duration POLL = Duration.ofSeconds(1);

    private final Databases databases;

    public ProjectionWatch(Databases databases) {
        this.databases = databases;
    }

    public record Projected(Histogram lagMicros, long firstSentMicros, long lastProjectedMicros, long rows) {
        public double seconds() {
            return (lastProjectedMicros - firstSentMicros) / 1e6;
        }
    }

    /**
     * Waits until the projection holds {@code expected} credits of the phase; returns when (µs since the epoch) the
     * ledger had recorded all of them, to tell the intake's pace from the projection's. That time is read from the
     * ledger's own {@code recorded_at} afterwards, and the projection is counted once a second: each count scans the
     * table, and counting both tables four times a second took a tenth of the machine the run measures. The figures
     * do not depend on the polling: the pipeline's end is the newest {@code projected_at} ({@link #lags}).
     */
    public long awaitAll(CompletionMessages messages, int expected, Progress progress)
            throws SQLException, InterruptedException {
        String like = messages.certificantPrefix() + "%";
        long seen = -1;
        long lastChange = System.nanoTime();
        try (Connection c = databases.open("renewal")) {
            while (true) {
                long now = Databases.query(c, "select count(*) from ledger_credit where certificant_id like ?",
                        rs -> single(rs), like);
                progress.step(now);
                if (now >= expected) {
                    break;
                }
                if (now != seen) {
                    seen = now;
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange > STALL_LIMIT.toNanos()) {
                    throw new IllegalStateException("the projection stopped at " + now + " of " + expected
                            + " credits for " + STALL_LIMIT.toSeconds() + " s");
                }
                Thread.sleep(POLL.toMillis());
            }
        }
        try (Connection ledger = databases.open("ledger")) {
            return Databases.query(ledger, "select count(*), (extract(epoch from max(recorded_at)) * 1000000)::bigint"
                    + " from credit where certificant_id like ?", rs -> {
                        try {
                            rs.next();
                            if (rs.getLong(1) < expected) {
                                throw new IllegalStateException("the ledger holds " + rs.getLong(1) + " credits of "
                                        + expected + " that the projection holds");
                            }
                            return rs.getLong(2);
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }, like);
        }
    }

    public Projected lags(CompletionMessages messages, CompletionProducer.Sent sent) throws SQLException {
        Map<UUID, Integer> index = new HashMap<>(sent.sentMicros().length * 2);
        for (int i = 0; i < sent.sentMicros().length; i++) {
            index.put(CompletionMessages.creditId(messages.completionId(i)), i);
        }
        Histogram lag = LatencyStats.newHistogram();
        long first = Long.MAX_VALUE;
        for (long t : sent.sentMicros()) {
            first = Math.min(first, t);
        }
        long[] last = {0};
        long[] rows = {0};
        try (Connection c = databases.open("renewal")) {
            Databases.query(c, "select credit_id, (extract(epoch from projected_at) * 1000000)::bigint"
                    + " from ledger_credit where certificant_id like ?", rs -> {
                        try {
                            while (rs.next()) {
                                Integer i = index.get(rs.getObject(1, UUID.class));
                                if (i == null) {
                                    throw new IllegalStateException("a projected credit matches no completion sent: "
                                            + rs.getObject(1));
                                }
                                long projected = rs.getLong(2);
                                lag.recordValue(Math.max(0, projected - sent.sentMicros()[i]));
                                last[0] = Math.max(last[0], projected);
                                rows[0]++;
                            }
                            return null;
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }, messages.certificantPrefix() + "%");
        }
        return new Projected(lag, first, last[0], rows[0]);
    }

    private static long single(java.sql.ResultSet rs) {
        try {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
