package org.cecplatform.platform.api;

import java.util.regex.Pattern;

/**
 * The one rule for certificant ids (SPEC §6), checked wherever an id enters: REST paths
 * ({@link CertificantIdPaths}), request bodies and intake messages. 1 to 64 ASCII letters, digits, {@code .},
 * {@code _}, {@code :} and {@code -}, starting with a letter or digit. Plain Java, no framework.
 */
public final class CertificantIds {

    /** The pattern as SPEC §6 states it. */
    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$";

    /** What a client is told when an id breaks the rule. */
    public static final String RULE = "must be 1 to 64 characters: letters, digits, '.', '_', ':' or '-',"
            + " starting with a letter or digit";

    private static final Pattern ID = Pattern.compile(PATTERN);

    private CertificantIds() {
    }

    /** True when {@code id} is a certificant id (the whole string matches: no trailing line break either). */
    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** 422 with a violation on {@code field} unless {@code id} is a certificant id. */
    public static void check(String field, String id) {
        if (!isValid(id)) {
            throw ProblemException.invalid(field, RULE);
        }
    }
}
