package org.cecplatform.audit.domain.audit;

/**
 * How the renewal came to be audited. For a random draw: the level-year's seed fingerprint (the seed itself stays
 * secret), the renewal's ordinal in the level-year, its block and position, the block size and the block's draw.
 */
public record Selection(Method method, String seedFingerprint, Long ordinal, Long block, Integer position,
                        Integer blockSize, Integer perBlock, Integer draw, String selectedBy) {

    public enum Method {
        RANDOM,
        MANUAL
    }

    public static Selection random(String seedFingerprint, long ordinal, long block, int position, int blockSize,
                                   int perBlock, int draw) {
        return new Selection(Method.RANDOM, seedFingerprint, ordinal, block, position, blockSize, perBlock, draw,
                "sampling");
    }

    public static Selection manual(String staffMember) {
        return new Selection(Method.MANUAL, null, null, null, null, null, null, null, staffMember);
    }

    /** The plain sentence the person is shown. */
    public String reason(String level, int year) {
        return method == Method.RANDOM ? "selected at random, level " + level + ", " + year : "selected by staff";
    }
}
