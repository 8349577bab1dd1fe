package org.cecplatform.platform.eventstore;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Who did what an event records, and what it was, in one readable line: an entry of a person's history.
 *
 * @param actor   the token subject the event records (e.g. {@code recordedBy}, {@code decidedBy}), {@link #SYSTEM} for
 *                what a job, a consumer or a migration did, or null when the event does not say
 * @param summary the key facts in one line, e.g. "Voided credit 3f2a… (duplicate entry)"
 */
public record EventDescription(String actor, String summary) {

    /** The actor of what no person did. */
    public static final String SYSTEM = "system";

    /** An event the service has no words for: nobody named, the type as the summary. */
    public static EventDescription unknown(String type) {
        return new EventDescription(null, type);
    }

    /** An id as a summary names it: its first eight characters, enough to tell it apart in one person's history. */
    public static String shortId(UUID id) {
        return id == null ? "?" : id.toString().substring(0, 8) + "…";
    }

    /** A figure (CECs, an amount) as a summary shows it: exact, without trailing zeros ("1.5", "45"). */
    public static String figure(BigDecimal value) {
        return value == null ? "?" : value.stripTrailingZeros().toPlainString();
    }
}
