package org.cecplatform.testsupport.hostile;

import java.util.List;
import java.util.Random;

/** Values that break naive code: unicode edge cases, huge and empty strings, odd numbers and dates, traversal names. */
public final class HostileStrings {

    /** As JSON string contents (already escaped where JSON needs it). */
    public static final List<String> UNICODE = List.of(
            "\\u202Eevil\\u202C txt.exe",           // right-to-left override
            "\\u0000nul\\u0000inside",              // NUL, escaped
            "\\ud800 lone high surrogate",          // unpaired surrogate (escaped: not valid UTF-16)
            "\\udfff lone low surrogate",
            "💪🏽🏋️‍♀️ emoji with ZWJ",
            "e\u0301\u0301\u0301\u0301 combining marks",
            "\u200B\u200B\u200B zero width",
            "مرحبا بالعالم RTL text",
            "\\uFEFF byte order mark",
            "\\uFFFF non-character",
            "line\\nbreak\\r\\ttab",
            "<script>alert(1)</script>",
            "'; drop table credit; --",
            "${jndi:ldap://x/a}",
            "%s%s%s%n %x",
            "\\\\..\\\\..\\\\windows\\\\win.ini");

    public static final List<String> NUMBERS = List.of(
            "-1", "0", "-0", "-0.0", "1e308", "1e999999", "-1e999999", "123456789012345678901234567890", "0.00000000001",
            "100.05", "101", "99999999", "2147483648", "-2147483649", "9223372036854775808", "1.23456789012345678901",
            "0x10", "NaN", "Infinity", "\"5\"", "\"five\"", "true", "null", "[]", "{}");

    public static final List<String> DATES = List.of(
            "2025-02-30", "2025-13-01", "2025-00-10", "2025-1-1", "25-01-01", "yesterday", "", " ", "99999-01-01",
            "-0001-01-01", "2025-01-01T25:00:00Z", "2999-01-01", "1800-01-01", "2025/01/01", "01.01.2025",
            "2025-01-01\\u0000", "0000-00-00", "2025-W01-1");

    public static final List<String> TRAVERSAL_NAMES = List.of(
            "../../etc/passwd", "..\\\\..\\\\windows\\\\system32\\\\config\\\\sam", "/etc/shadow", "....//....//etc/hosts",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "proof.pdf\\u0000.exe", "CON", "a/b/c/../../../../../../tmp/x.pdf",
            "~/.ssh/authorized_keys", "file:///etc/passwd");

    /**
     * Member and certificant ids that are no certificant id (SPEC §6: {@code ^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$}), as
     * JSON string contents: every one must be refused (422, or a dead letter) and nothing saved.
     */
    public static final List<String> BAD_CERTIFICANT_IDS = List.of(
            "bad id", "bad id?#x", ".leading-dot", "-leading-dash", "_x", "a/b", "../../etc/passwd", "a;b", "a+b",
            "a%20b", "a@b", " C-1", "C-1 ", "C-1\\n", "\\u0000C-1", "C-1\\u202E", "é-accent", "\uD83D\uDCAA",
            "C" + "x".repeat(64), "");

    private HostileStrings() {
    }

    static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    /** A string of n characters (ASCII), for fields with a length limit. */
    static String huge(int n, Random random) {
        char c = (char) ('a' + random.nextInt(26));
        return String.valueOf(c).repeat(n);
    }
}
