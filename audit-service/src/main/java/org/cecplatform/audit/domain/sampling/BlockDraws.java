package org.cecplatform.audit.domain.sampling;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret offset of each block, derived from the level-year's seed: {@code HMAC-SHA256(seed, level|year|block|n)}
 * turned into a uniform integer below the block size by rejection sampling (no modulo bias). A keyed hash rather than
 * a sequential generator, so that any single draw can be reproduced from the seed and its block number alone, and so
 * that seeing outcomes reveals nothing about other blocks without the seed.
 */
public final class BlockDraws {

    private static final String ALGORITHM = "HmacSHA256";

    private BlockDraws() {
    }

    /** A uniform integer in {@code [0, bound)} for this block of this level-year. */
    public static int offset(Seed seed, String level, int year, long block, int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be positive");
        }
        if (bound == 1) {
            return 0;
        }
        // Accept a 63-bit value only below the largest multiple of bound, so every offset is equally likely.
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        for (int counter = 0; ; counter++) {
            ByteBuffer digest = ByteBuffer.wrap(hmac(seed, level + "|" + year + "|" + block + "|" + counter));
            while (digest.remaining() >= Long.BYTES) {
                long value = digest.getLong() >>> 1;
                if (value < limit) {
                    return (int) (value % bound);
                }
            }
        }
    }

    private static byte[] hmac(Seed seed, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(seed.bytes(), ALGORITHM));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
