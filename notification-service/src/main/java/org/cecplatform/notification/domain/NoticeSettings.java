package org.cecplatform.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How notices are sent: the Message-ID domain, where audit proof is uploaded (named in the audit notices), how many
 * notices one sender run takes, how long a notice waits for a contact address that is not there yet (the console sets
 * the contact right after granting), the retries of temporary failures, and the policy's zone, in which a notice
 * tells a moment (a payment deadline) as the member's office clock shows it.
 */
public record NoticeSettings(String messageIdDomain, String auditServiceUrl, int batchSize, Duration addressWait,
                             Retries retries, ZoneId zone) {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '('VV')'");

    /** {@code 2027-11-09 10:00 (America/New_York)}: a moment in the policy's zone, to the minute. */
    public String localTime(Instant moment) {
        return LOCAL_TIME.format(moment.atZone(zone));
    }
}
