package org.cecplatform.notification.domain;

import java.util.Map;
import java.util.Objects;

/**
 * A notice to record: about whom, what kind, what it answers (an event's id, or a reminder's key), the key it is
 * recorded once under, and the facts its template shows.
 */
public record NoticeDraft(String certificantId, NoticeKind kind, String dedupKey, String answersEventId,
                          String reminderKey, Map<String, Object> facts) {

    public NoticeDraft {
        Objects.requireNonNull(certificantId, "certificantId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dedupKey, "dedupKey");
        facts = Map.copyOf(facts);
    }

    /** The notice of an event: once per event id and kind. */
    public static NoticeDraft ofEvent(String eventId, String certificantId, NoticeKind kind, Map<String, Object> facts) {
        return new NoticeDraft(certificantId, kind, eventId + ":" + kind, eventId, null, facts);
    }

    /** A reminder: once per {@code reminderKey} (person, credential or audit, date, offset). */
    public static NoticeDraft reminder(String reminderKey, String certificantId, NoticeKind kind,
                                       Map<String, Object> facts) {
        return new NoticeDraft(certificantId, kind, "reminder:" + reminderKey, null, reminderKey, facts);
    }
}
