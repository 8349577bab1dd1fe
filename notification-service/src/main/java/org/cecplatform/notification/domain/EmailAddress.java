package org.cecplatform.notification.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A contact address as the service accepts it: one mailbox, {@code local@domain}, no display name, no spaces or
 * control characters (a header injection), at most 254 characters (RFC 5321's path limit).
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;
    private static final Pattern MAILBOX = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private EmailAddress() {
    }

    /** Why {@code value} is not an address the service sends to; empty when it is one. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("is required");
        }
        if (value.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (!MAILBOX.matcher(value).matches() || value.contains("..") || value.startsWith(".")) {
            return Optional.of("must be one e-mail address, like name@example.org");
        }
        return Optional.empty();
    }
}
