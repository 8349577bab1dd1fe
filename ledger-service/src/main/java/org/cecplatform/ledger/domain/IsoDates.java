package org.cecplatform.ledger.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads the dates external systems send: an ISO date, or an ISO date-time turned into a date in the policy zone. */
public final class IsoDates {

    private IsoDates() {
    }

    /**
     * {@code 2026-05-01} as is; {@code 2026-05-01T02:00:00Z} (or with an offset, or a zone id) as the date it was in
     * {@code zone}; a date-time without offset is taken as already in {@code zone}. Empty when unreadable.
     */
    public static Optional<LocalDate> toDate(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException notADate) {
            // a date-time, perhaps
        }
        try {
            return Optional.of(ZonedDateTime.parse(value).withZoneSameInstant(zone).toLocalDate());
        } catch (DateTimeParseException notZoned) {
            // no zone or offset, perhaps
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).atZoneSameInstant(zone).toLocalDate());
        } catch (DateTimeParseException notOffset) {
            // local, perhaps
        }
        try {
            return Optional.of(LocalDateTime.parse(value).toLocalDate());
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
