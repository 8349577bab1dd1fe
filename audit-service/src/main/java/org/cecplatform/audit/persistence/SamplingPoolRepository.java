package org.cecplatform.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.cecplatform.audit.domain.sampling.PoolSummary;
import org.cecplatform.audit.domain.sampling.SamplingRate;
import org.cecplatform.audit.domain.sampling.Seed;
import org.cecplatform.platform.persistence.Jdbc;

/**
 * Reads the level-year pools ({@code sampling_pool}: seed, rate and counts; the {@code sampling} projection's table,
 * which only {@link SamplingTables} writes) for the sampling report and the draw checks.
 */
@ApplicationScoped
public class SamplingPoolRepository {

    private static final String POOL = "select level, seed, rate, per_block, block_size, renewals, selected"
            + " from sampling_pool";

    private final Jdbc jdbc;

    public SamplingPoolRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The pools of a year, for the sampling report (and the seed, which only staff may see). */
    public List<PoolSummary> poolsOf(int year) {
        return jdbc.list(POOL + " where year = ?", SamplingPoolRepository::summary, year);
    }

    public Optional<PoolSummary> pool(String level, int year) {
        return jdbc.one(POOL + " where level = ? and year = ?", SamplingPoolRepository::summary, level, year);
    }

    private static PoolSummary summary(ResultSet rs) throws SQLException {
        return new PoolSummary(rs.getString("level"), new SamplingRate(rs.getBigDecimal("rate"),
                rs.getInt("per_block"), rs.getInt("block_size")), rs.getLong("renewals"), rs.getLong("selected"),
                Seed.fromHex(rs.getString("seed")));
    }
}
