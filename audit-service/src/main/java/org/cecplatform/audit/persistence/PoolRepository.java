package org.cecplatform.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.RenewalUnderAudit;
import org.cecplatform.audit.domain.sampling.Draw;
import org.cecplatform.audit.domain.sampling.PoolEntry;
import org.cecplatform.platform.persistence.Jdbc;
import org.cecplatform.platform.persistence.StoredJson;

/**
 * Reads the pools' entries (each renewal's draw, {@code pool_entry}: the {@code sampling} projection's table, which
 * only {@link SamplingTables} writes), and takes the pools' locks.
 */
@ApplicationScoped
public class PoolRepository {

    private static final String ENTRY = "select renewal, auditable_until, level, year, ordinal, block, position,"
            + " block_size, per_block, draw, selected, entered_at from pool_entry where renewal_id = ?";

    /** The key space of the pool locks among the two-key advisory locks: "POOL". */
    private static final int POOL_LOCKS = 0x504f4f4c;

    private final Jdbc jdbc;
    private final StoredJson json;

    public PoolRepository(Jdbc jdbc, StoredJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Takes the level-year pool's lock for the rest of the transaction: its renewals are numbered one at a time. An
     * advisory lock on the stream id (in its own key space, apart from the person locks), so it holds before the
     * pool's first event exists and never touches the projection's tables.
     */
    public void lockPool(String streamId) {
        jdbc.list("select pg_advisory_xact_lock(" + POOL_LOCKS + ", hashtext(?))", rs -> 0, streamId);
    }

    /**
     * The last completion date counted by a renewal of the person made after {@code renewedOn}, if any: a credit up
     * to it counted toward that later renewal's cycle. By hand: it reads inside the renewals' JSON.
     */
    public Optional<LocalDate> countedByLaterRenewalsUntil(String certificantId, LocalDate renewedOn) {
        return lastCountedByLaterRenewals("", certificantId, renewedOn);
    }

    /** {@link #countedByLaterRenewalsUntil} as it stood before {@code until}: the renewals that had entered by then. */
    public Optional<LocalDate> countedByLaterRenewalsUntil(String certificantId, LocalDate renewedOn, Instant until) {
        return lastCountedByLaterRenewals(" and entered_at < ?", certificantId, renewedOn, until);
    }

    private Optional<LocalDate> lastCountedByLaterRenewals(String condition, Object... parameters) {
        return jdbc.one("select max((renewal ->> 'windowEnd')::date) last_counted from pool_entry"
                        + " where certificant_id = ? and renewed_on > ?" + condition + " having count(*) > 0",
                rs -> Jdbc.date(rs, "last_counted"), parameters);
    }

    public Optional<PoolEntry> entry(UUID renewalId) {
        return jdbc.one(ENTRY, this::entry, renewalId);
    }

    /** Reads and locks a pool entry: two hand selections of one renewal run one after the other. */
    public Optional<PoolEntry> lockEntry(UUID renewalId) {
        return jdbc.one(ENTRY + " for update", this::entry, renewalId);
    }

    private PoolEntry entry(ResultSet rs) throws SQLException {
        Draw draw = new Draw(rs.getString("level"), rs.getInt("year"), rs.getLong("ordinal"), rs.getLong("block"),
                rs.getInt("position"), rs.getInt("block_size"), rs.getInt("per_block"), rs.getInt("draw"),
                rs.getBoolean("selected"));
        return new PoolEntry(json.read(rs.getString("renewal"), RenewalUnderAudit.class),
                Jdbc.date(rs, "auditable_until"), draw, Jdbc.instant(rs, "entered_at"));
    }
}
