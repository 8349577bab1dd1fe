package org.cecplatform.console.application;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the pages show an instant the services recorded: to the second, in UTC, saying so. */
public final class UtcTime {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private UtcTime() {
    }

    /** "2026-12-01 08:27:04 UTC"; "-" for none. */
    public static String shown(Instant instant) {
        return instant == null ? "-" : SHOWN.format(instant);
    }
}
