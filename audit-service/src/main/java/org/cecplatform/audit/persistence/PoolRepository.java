package org.cecplatform.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.RenewalUnderAudit;
import org.cecplatform.audit.domain.sampling.Draw;
import org.cecplatform.audit.domain.sampling.SamplingRate;
import org.cecplatform.audit.domain.sampling.Seed;

/**
 * Reads the level-year pools (seed and counts) and their entries (each renewal's draw): the {@code sampling}
 * projection's tables, which only {@link SamplingProjection} writes.
 */
@ApplicationScoped
public class PoolRepository {

    /** The key space of the pool locks among the two-key advisory locks: "POOL". */
    private static final int POOL_LOCKS = 0x504f4f4c;

    private final Db db;
    private final Json json;

    public PoolRepository(Db db, Json json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Takes the level-year pool's lock for the rest of the transaction: its renewals are numbered one at a time. An
     * advisory lock on the stream id (in its own key space, apart from the person locks), so it holds before the
     * pool's first event exists and never touches the projection's tables.
     */
    public void lockPool(String streamId) {
        db.list("select pg_advisory_xact_lock(" + POOL_LOCKS + ", hashtext(?))", s -> s.setString(1, streamId),
                rs -> 0);
    }

    /**
     * The last completion date counted by a renewal of the person made after {@code renewedOn}, if any: a credit up
     * to it counted toward that later renewal's cycle.
     */
    public Optional<LocalDate> countedByLaterRenewalsUntil(String certificantId, LocalDate renewedOn) {
        return db.one("select max((renewal ->> 'windowEnd')::date) from pool_entry"
                        + " where certificant_id = ? and renewed_on > ? having count(*) > 0", s -> {
                    s.setString(1, certificantId);
                    s.setDate(2, Date.valueOf(renewedOn));
                }, rs -> rs.getDate(1).toLocalDate());
    }

    public Optional<PoolEntry> entry(UUID renewalId) {
        return entry(renewalId, "");
    }

    /** Reads and locks a pool entry: two hand selections of one renewal run one after the other. */
    public Optional<PoolEntry> lockEntry(UUID renewalId) {
        return entry(renewalId, " for update");
    }

    private Optional<PoolEntry> entry(UUID renewalId, String lock) {
        return db.one("select renewal::text, auditable_until, level, year, ordinal, block, position, block_size,"
                        + " per_block, draw, selected, entered_at from pool_entry where renewal_id = ?" + lock,
                s -> s.setObject(1, renewalId),
                rs -> new PoolEntry(json.read(rs.getString(1), RenewalUnderAudit.class),
                        rs.getDate(2).toLocalDate(),
                        new Draw(rs.getString(3), rs.getInt(4), rs.getLong(5), rs.getLong(6), rs.getInt(7),
                                rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getBoolean(11)),
                        rs.getTimestamp(12).toInstant()));
    }

    /** The pools of a year, for the sampling report (and the seed, which only staff may see). */
    public List<PoolSummary> poolsOf(int year) {
        return db.list("select level, rate, per_block, block_size, renewals, selected, seed from sampling_pool"
                        + " where year = ?", s -> s.setInt(1, year),
                rs -> new PoolSummary(rs.getString(1), new SamplingRate(rs.getBigDecimal(2), rs.getInt(3),
                        rs.getInt(4)), rs.getLong(5), rs.getLong(6), Seed.fromHex(rs.getString(7))));
    }

    public Optional<PoolSummary> pool(String level, int year) {
        return poolsOf(year).stream().filter(p -> p.level().equals(level)).findFirst();
    }

    public record PoolSummary(String level, SamplingRate rate, long renewals, long selected, Seed seed) {
    }
}
