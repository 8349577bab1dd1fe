package org.cecplatform.audit.domain.sampling;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Private event {@value #TYPE}, the first of a level-year pool's stream: the first renewal of the year opened the pool
 * with this seed and rate, which it keeps all year. Private because the seed is secret (staff only); it is never
 * published.
 *
 * @param seed     the 32-byte seed, hex
 * @param openedAt when the pool was opened (the service clock): the pool's {@code created_at}
 */
public record PoolOpened(String level, int year, String seed, BigDecimal rate, int perBlock, int blockSize,
                         Instant openedAt) {

    public static final String TYPE = "audit.PoolOpened.v1";

    public PoolOpened {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(openedAt, "openedAt");
    }

    public static PoolOpened of(String level, int year, Seed seed, SamplingRate rate, Instant openedAt) {
        return new PoolOpened(level, year, seed.hex(), rate.rate(), rate.perBlock(), rate.blockSize(), openedAt);
    }

    public SamplingRate samplingRate() {
        return new SamplingRate(rate, perBlock, blockSize);
    }
}
