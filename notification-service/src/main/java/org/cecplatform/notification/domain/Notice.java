package org.cecplatform.notification.domain;

import java.time.Instant;
import java.util.UUID;

/** A recorded notice: what was (or will be) sent, and where it stands. */
public record Notice(UUID noticeId, String certificantId, NoticeKind kind, String subject, String bodyText,
                     String answersEventId, String reminderKey, NoticeStatus status, int attempts, Instant createdAt,
                     Instant sentAt, String failure) {
}
