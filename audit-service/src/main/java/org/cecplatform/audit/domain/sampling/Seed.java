package org.cecplatform.audit.domain.sampling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The secret of one level-year's draws: 32 random bytes. Whoever holds it can reproduce every draw of that
 * level-year (staff can); whoever does not cannot predict any. It is never published: events and certificants see
 * only its {@link #fingerprint()}.
 */
public final class Seed {

    public static final int BYTES = 32;

    private final byte[] bytes;

    private Seed(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a seed has " + BYTES + " bytes");
        }
        this.bytes = bytes.clone();
    }

    public static Seed of(byte[] bytes) {
        return new Seed(bytes);
    }

    public static Seed fromHex(String hex) {
        return new Seed(HexFormat.of().parseHex(hex));
    }

    /** A fixed seed derived from a number: for tests and reproducible simulations, never for real pools. */
    public static Seed fixed(long number) {
        return new Seed(sha256(("fixed-seed-" + number).getBytes(StandardCharsets.UTF_8)));
    }

    byte[] bytes() {
        return bytes.clone();
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** Identifies the seed without revealing it: the first 16 hex digits of its SHA-256. */
    public String fingerprint() {
        return "sha256:" + HexFormat.of().formatHex(sha256(bytes)).substring(0, 16);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Seed seed && Arrays.equals(bytes, seed.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Seed[" + fingerprint() + "]";
    }
}
