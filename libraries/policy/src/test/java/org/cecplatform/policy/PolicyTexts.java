package org.cecplatform.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shipped policy file as text, and small edits of it for the tests. */
final class PolicyTexts {

    private PolicyTexts() {
    }

    static String shipped() {
        try (InputStream in = PolicyTexts.class.getClassLoader().getResourceAsStream(PolicyFile.SHIPPED_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped text with {@code from} (which must occur exactly once) replaced by {@code to}. */
    static String shippedWith(String from, String to) {
        return replaceOnce(shipped(), from, to);
    }

    static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalArgumentException("'" + from + "' must occur exactly once in the policy text");
        }
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    /** The shipped text with more versions after ACSM's (the versions list is the end of the file). */
    static String shippedPlus(String laterVersions) {
        return shipped() + laterVersions;
    }

    static PolicyHistory parse(String text) {
        return PolicyFile.parse(text, "under test");
    }
}
