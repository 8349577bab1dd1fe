package org.cecplatform.audit.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import org.cecplatform.audit.domain.sampling.PoolSummary;
import org.cecplatform.audit.domain.sampling.SamplingRate;
import org.cecplatform.audit.domain.sampling.Seed;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code sampling_pool}: a level-year pool's seed, rate and running counts. Read only
 * ({@link SamplingTables}).
 */
@Entity
@Immutable
@Table(name = "sampling_pool")
@IdClass(SamplingPoolRow.Key.class)
public class SamplingPoolRow {

    /** The pool's key: its level and year. */
    public record Key(String level, int year) implements Serializable {
    }

    @Id
    String level;
    @Id
    int year;
    String seed;
    BigDecimal rate;
    @Column(name = "per_block")
    int perBlock;
    @Column(name = "block_size")
    int blockSize;
    long renewals;
    long selected;
    @Column(name = "created_at")
    Instant createdAt;

    protected SamplingPoolRow() {
    }

    PoolSummary toSummary() {
        return new PoolSummary(level, new SamplingRate(rate, perBlock, blockSize), renewals, selected,
                Seed.fromHex(seed));
    }
}
