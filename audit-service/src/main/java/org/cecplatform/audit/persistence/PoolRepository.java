package org.cecplatform.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.RenewalUnderAudit;
import org.cecplatform.audit.domain.sampling.Draw;
import org.cecplatform.audit.domain.sampling.LevelYearPool;
import org.cecplatform.audit.domain.sampling.SamplingRate;
import org.cecplatform.audit.domain.sampling.Seed;

/** The level-year pools (seed and counts) and their entries (each renewal's draw). */
@ApplicationScoped
public class PoolRepository {

    private final Db db;
    private final Json json;

    public PoolRepository(Db db, Json json) {
        this.db = db;
        this.json = json;
    }

    /** Creates the level-year pool with this seed and rate unless it exists: the first renewal of a year fixes both. */
    public void createIfAbsent(String level, int year, Seed seed, SamplingRate rate, Instant now) {
        db.update("insert into sampling_pool (level, year, seed, rate, per_block, block_size, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing", s -> {
                    s.setString(1, level);
                    s.setInt(2, year);
                    s.setString(3, seed.hex());
                    s.setBigDecimal(4, rate.rate());
                    s.setInt(5, rate.perBlock());
                    s.setInt(6, rate.blockSize());
                    s.setTimestamp(7, Timestamp.from(now));
                });
    }

    /** Reads and locks a pool: renewals of one level-year are numbered one at a time. */
    public Optional<LevelYearPool> lock(String level, int year) {
        return db.one("select seed, rate, per_block, block_size, renewals, selected from sampling_pool"
                        + " where level = ? and year = ? for update", s -> {
                    s.setString(1, level);
                    s.setInt(2, year);
                }, rs -> new LevelYearPool(level, year, Seed.fromHex(rs.getString(1)),
                        new SamplingRate(rs.getBigDecimal(2), rs.getInt(3), rs.getInt(4)), rs.getLong(5), rs.getLong(6)));
    }

    public void saveCounts(LevelYearPool pool) {
        db.update("update sampling_pool set renewals = ?, selected = ? where level = ? and year = ?", s -> {
            s.setLong(1, pool.renewals());
            s.setLong(2, pool.selected());
            s.setString(3, pool.level());
            s.setInt(4, pool.year());
        });
    }

    public void insertEntry(PoolEntry entry) {
        RenewalUnderAudit renewal = entry.renewal();
        Draw draw = entry.draw();
        db.update("insert into pool_entry (renewal_id, certificant_id, level, year, renewed_on, auditable_until,"
                + " renewal, ordinal, block, position, block_size, per_block, draw, selected, entered_at)"
                + " values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
                    s.setObject(1, renewal.renewalId());
                    s.setString(2, renewal.certificantId());
                    s.setString(3, renewal.level());
                    s.setInt(4, renewal.year());
                    s.setDate(5, Date.valueOf(renewal.renewedOn()));
                    s.setDate(6, Date.valueOf(entry.auditableUntil()));
                    s.setString(7, json.write(renewal));
                    s.setLong(8, draw.ordinal());
                    s.setLong(9, draw.block());
                    s.setInt(10, draw.position());
                    s.setInt(11, draw.blockSize());
                    s.setInt(12, draw.perBlock());
                    s.setInt(13, draw.offset());
                    s.setBoolean(14, draw.selected());
                    s.setTimestamp(15, Timestamp.from(entry.enteredAt()));
                });
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
