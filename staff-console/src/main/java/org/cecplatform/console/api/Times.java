package org.cecplatform.console.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** How the pages write a service's instant: UTC to the second, e.g. {@code 2027-03-01 09:00:05 UTC}. */
@TemplateExtension
final class Times {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    static String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }
}
