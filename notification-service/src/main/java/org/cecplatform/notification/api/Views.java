package org.cecplatform.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The answers of the notification API. */
public final class Views {

    private Views() {
    }

    public record ContactView(String certificantId, String email) {
    }

    /** {@code auditNotices} is always true: a person cannot turn those off. */
    public record PreferencesView(String certificantId, boolean reminders, boolean auditNotices) {
    }

    /**
     * A notice: what it was about, whether and when it was sent ({@code status}: PENDING, SENT, NOT_SENT_NO_ADDRESS,
     * FAILED, TURNED_OFF; {@code failure} says why it was not), the event it answers ({@code answersEventId}, the
     * event's id on Kafka) or the reminder ({@code reminderKey}), and the text that was sent.
     */
    public record NoticeView(UUID noticeId, String kind, String subject, String status, Instant createdAt,
                             @Schema(nullable = true) Instant sentAt, int attempts,
                             @Schema(nullable = true) String failure, @Schema(nullable = true) String answersEventId,
                             @Schema(nullable = true) String reminderKey, String text) {
    }

    public record NoticePage(List<NoticeView> notices, int page, int size, long total) {
    }
}
