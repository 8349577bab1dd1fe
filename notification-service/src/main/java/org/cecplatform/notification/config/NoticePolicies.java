package org.cecplatform.notification.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.cecplatform.notification.domain.NoticeSettings;
import org.cecplatform.notification.domain.ReminderCalendar;
import org.cecplatform.notification.domain.Reminders;
import org.cecplatform.notification.domain.Retries;
import org.cecplatform.policy.PolicyHistory;

/** Maps the configuration and the policy file (zone, grace period) to the domain's settings; a bad value stops the start. */
@ApplicationScoped
public class NoticePolicies {

    @Produces
    @Singleton
    @Startup
    NoticeSettings noticeSettings(NoticeConfig config, PolicyHistory policy) {
        NoticeConfig.Retry retry = config.retry();
        return new NoticeSettings(config.messageIdDomain(), config.auditServiceUrl(), config.batchSize(),
                config.addressWait(), new Retries(retry.first(), retry.longest(), retry.maxAttempts()), policy.zone());
    }

    @Produces
    @Singleton
    @Startup
    Reminders reminders(NoticeConfig config, PolicyHistory policy) {
        NoticeConfig.Reminder offsets = config.reminder();
        return new Reminders(policy.zone(), policy.calendar().graceEnds(), new ReminderCalendar(offsets.cycleEnd()),
                new ReminderCalendar(offsets.graceEnd()), new ReminderCalendar(offsets.proofDue()));
    }
}
