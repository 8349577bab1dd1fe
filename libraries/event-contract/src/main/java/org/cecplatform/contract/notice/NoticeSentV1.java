package org.cecplatform.contract.notice;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code cec.notices.NoticeSent.v1}: the notification-service sent a person a notice by e-mail. It never carries the
 * address (personal data stays in the notification-service): another channel (SMS, the member portal) follows the
 * notice by its id and kind. {@code answersEventId} is the event the notice answers (its {@code ce_id}); null for a
 * reminder, which {@code reminderKey} names instead (person, credential or audit, date, offset).
 */
public record NoticeSentV1(
        UUID noticeId,
        String certificantId,
        String kind,
        String subject,
        Instant sentAt,
        String answersEventId,
        String reminderKey) {
}
