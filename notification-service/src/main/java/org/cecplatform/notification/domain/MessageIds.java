package org.cecplatform.notification.domain;

import java.util.UUID;

/**
 * The e-mail {@code Message-ID} of a notice, derived from the notice id alone: a notice sent twice (a crash between
 * handing it to the SMTP server and recording it) carries the same Message-ID, so a receiving server can drop the copy.
 */
public final class MessageIds {

    private MessageIds() {
    }

    public static String of(UUID noticeId, String domain) {
        return "<notice-" + noticeId + "@" + domain + ">";
    }
}
