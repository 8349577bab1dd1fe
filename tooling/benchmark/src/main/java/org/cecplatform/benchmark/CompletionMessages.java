package org.cecplatform.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The intake messages of a run ({@code lms.course-completions.v1}): completion {@code i} of phase {@code phase} goes to
 * certificant {@code i % certificants}. The credit id the ledger gives it is derived as the ledger does
 * ({@code IntakeCredit.creditIdFor("lms", completionId)}), so the projection's rows can be matched to their send times.
 */
public final class CompletionMessages {

    private final String phase;
    private final String prefix;
    private final int certificants;
    private final String completedAt;

    public CompletionMessages(String runTag, String phase, int certificants, String completedAt) {
        this.phase = phase;
        this.prefix = "bench-" + runTag + "-" + phase;
        this.certificants = certificants;
        this.completedAt = completedAt;
    }

    public String phase() {
        return phase;
    }

    public String certificantPrefix() {
        return prefix + "-c";
    }

    public String certificant(int i) {
        return certificantPrefix() + (i % certificants);
    }

    public String completionId(int i) {
        return prefix + "-completion-" + i;
    }

    public byte[] json(int i) {
        return ("{\"completionId\":\"" + completionId(i) + "\",\"memberId\":\"" + certificant(i)
                + "\",\"courseId\":\"ACSM-CE-" + (1000 + i % 500) + "\",\"courseTitle\":\"Exercise programming for older"
                + " adults, module " + (i % 12 + 1) + "\",\"cecs\":1.5,\"completedAt\":\"" + completedAt + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static UUID creditId(String completionId) {
        return UUID.nameUUIDFromBytes(("lms:" + completionId).getBytes(StandardCharsets.UTF_8));
    }

    /** Size of a typical message of this run: the record size the raw Kafka yardstick uses. */
    public int typicalSize() {
        return json(certificants / 2).length;
    }
}
