package org.cecplatform.audit.domain.sampling;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A sampling rate as an exact fraction {@code perBlock / blockSize} in lowest terms: 0.10 → 1 of 10, 0.15 → 3 of 20,
 * 1 → 1 of 1, 0 → 0 of 1. Renewals of a level-year are taken in blocks of {@code blockSize}; each block selects
 * exactly {@code perBlock} of them.
 */
public record SamplingRate(BigDecimal rate, int perBlock, int blockSize) {

    /** Rates are decimals with at most six places, so a block never exceeds a million renewals. */
    static final int MAX_BLOCK = 1_000_000;

    public SamplingRate {
        if (perBlock < 0 || blockSize < 1 || perBlock > blockSize) {
            throw new IllegalArgumentException("a rate selects between 0 and all of a block");
        }
    }

    public static SamplingRate of(BigDecimal rate) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a sampling rate is a fraction from 0 to 1, not " + rate);
        }
        BigDecimal exact = rate.stripTrailingZeros();
        int scale = Math.max(exact.scale(), 0);
        BigInteger numerator = exact.movePointRight(scale).toBigIntegerExact();
        BigInteger denominator = BigInteger.TEN.pow(scale);
        BigInteger gcd = numerator.gcd(denominator);
        if (numerator.signum() == 0) {
            return new SamplingRate(rate, 0, 1);
        }
        BigInteger blockSize = denominator.divide(gcd);
        if (blockSize.compareTo(BigInteger.valueOf(MAX_BLOCK)) > 0) {
            throw new IllegalArgumentException("a sampling rate has at most six decimal places, not " + rate);
        }
        return new SamplingRate(rate, numerator.divide(gcd).intValueExact(), blockSize.intValueExact());
    }

    /**
     * Whether the renewal at {@code position} (1..blockSize) of a block is selected, given the block's secret
     * {@code offset} (0..blockSize-1). Systematic sampling inside the block: the number selected after the first
     * {@code j} positions is {@code floor((perBlock*j + offset) / blockSize)}, and a position is selected when that
     * number goes up. Over a whole block it goes up exactly {@code perBlock} times.
     */
    public boolean selects(int position, int offset) {
        if (position < 1 || position > blockSize || offset < 0 || offset >= blockSize) {
            throw new IllegalArgumentException("position 1.." + blockSize + " and offset 0.." + (blockSize - 1));
        }
        return selectedAfter(position, offset) > selectedAfter(position - 1, offset);
    }

    /** How many of the first {@code positions} renewals of a block are selected with this offset. */
    public long selectedAfter(int positions, int offset) {
        return Math.floorDiv((long) perBlock * positions + offset, blockSize);
    }
}
