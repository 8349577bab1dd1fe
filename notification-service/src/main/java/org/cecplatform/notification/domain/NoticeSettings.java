package org.cecplatform.notification.domain;

import java.time.Duration;

/**
 * How notices are sent: the Message-ID domain, where audit proof is uploaded (named in the audit notices), how many
 * notices one sender run takes, how long a notice waits for a contact address that is not there yet (the console sets
 * the contact right after granting), and the retries of temporary failures.
 */
public record NoticeSettings(String messageIdDomain, String auditServiceUrl, int batchSize, Duration addressWait,
                             Retries retries) {
}
