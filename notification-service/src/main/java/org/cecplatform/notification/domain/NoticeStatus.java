package org.cecplatform.notification.domain;

/** Where a notice stands. Only PENDING is ever sent (again); every other status is final. */
public enum NoticeStatus {
    /** Waiting in the outbox for the sender (first try, or a retry after a temporary failure). */
    PENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** The person has no contact address: recorded, never sent, not retried. */
    NOT_SENT_NO_ADDRESS,
    /** The SMTP server refused it for good (5xx), or temporary failures outlasted the retries. */
    FAILED,
    /** A reminder the person turned off. */
    TURNED_OFF
}
