package org.cecplatform.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The notices' settings ({@code cec.notices.*}); the reminder offsets are policy, in days before the deadline. */
@ConfigMapping(prefix = "cec.notices")
public interface NoticeConfig {

    /** The domain of every notice's Message-ID ({@code <notice-<id>@domain>}). */
    String messageIdDomain();

    /** The audit-service's public URL, where a person uploads proof. */
    String auditServiceUrl();

    /** How often the sender looks at the outbox (also run on demand as the job {@code notice-sender}). */
    @WithDefault("5s")
    String sendEvery();

    /** Notices one sender run takes. */
    @WithDefault("50")
    int batchSize();

    /** How long a notice waits for the person's contact address before it is recorded as not sent. */
    @WithDefault("15M")
    Duration addressWait();

    Retry retry();

    Reminder reminder();

    interface Retry {
        /** Delay after the first temporary failure; it doubles with each further one. */
        @WithDefault("30S")
        Duration first();

        @WithDefault("1H")
        Duration longest();

        /** Tries in all before a temporarily failing notice is given up (FAILED). */
        @WithDefault("12")
        int maxAttempts();
    }

    interface Reminder {
        /** Days before a cycle ends (the person has not renewed). */
        @WithDefault("90,30,7")
        List<Integer> cycleEnd();

        /** Days before the grace period ends. */
        @WithDefault("30")
        List<Integer> graceEnd();

        /** Days before an audit's proof is due (following an extension's new date). */
        @WithDefault("7,1")
        List<Integer> proofDue();
    }
}
