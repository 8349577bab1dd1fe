package org.cecplatform.notification.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.contract.notice.NoticeSentV1;
import org.cecplatform.notification.domain.MessageIds;
import org.cecplatform.notification.domain.Notice;
import org.cecplatform.notification.domain.NoticeSettings;
import org.cecplatform.notification.domain.NoticeStatus;
import org.cecplatform.notification.persistence.ContactRepository;
import org.cecplatform.notification.persistence.NoticeRepository;
import org.cecplatform.platform.jobs.ScheduledJob;
import org.cecplatform.platform.outbox.EventLog;
import org.cecplatform.platform.outbox.NewEvent;
import org.jboss.logging.Logger;

/**
 * {@code notice-sender}: sends the pending notices of the outbox, each in a transaction of its own that holds the
 * notice's row (another instance skips it) while it is handed to the SMTP server, then records the outcome and, once
 * sent, appends {@code NoticeSent} to the event log (published by the relay). A crash after the server accepted a
 * notice and before the commit sends that one notice again, with the same Message-ID; nothing else repeats.
 * Runs on the service clock, every {@code cec.notices.send-every} ({@link NoticeSenderSchedule}) and on demand.
 */
@ApplicationScoped
public class NoticeSender implements ScheduledJob {

    public static final String NAME = "notice-sender";
    private static final Logger LOG = Logger.getLogger(NoticeSender.class);

    private final NoticeRepository notices;
    private final ContactRepository contacts;
    private final SmtpDelivery smtp;
    private final EventLog eventLog;
    private final NoticeSettings settings;
    private final Clock clock;

    public NoticeSender(NoticeRepository notices, ContactRepository contacts, SmtpDelivery smtp, EventLog eventLog,
                        NoticeSettings settings, Clock clock) {
        this.notices = notices;
        this.contacts = contacts;
        this.smtp = smtp;
        this.eventLog = eventLog;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String run() {
        List<UUID> due = QuarkusTransaction.requiringNew()
                .call(() -> notices.due(clock.instant(), settings.batchSize()));
        int sent = 0;
        int other = 0;
        for (UUID noticeId : due) {
            try {
                Optional<NoticeStatus> status = QuarkusTransaction.requiringNew().call(() -> sendOne(noticeId));
                if (status.isPresent() && status.get() == NoticeStatus.SENT) {
                    sent++;
                } else {
                    other++;
                }
            } catch (RuntimeException e) {
                // The database failed around it: the notice stays pending and is tried on the next run.
                other++;
                LOG.errorf(e, "sending notice %s failed", noticeId);
            }
        }
        return "sent " + sent + ", not sent (yet) " + other;
    }

    /** Sends one notice if it is still pending and nobody else holds it; its status afterwards. */
    private Optional<NoticeStatus> sendOne(UUID noticeId) {
        Optional<Notice> pending = notices.lockPending(noticeId);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        Notice notice = pending.get();
        Instant now = clock.instant();
        int attempts = notice.attempts() + 1;
        Optional<String> address = contacts.emailOf(notice.certificantId());
        if (address.isEmpty()) {
            return Optional.of(waitForAddress(notice, attempts, now));
        }
        SmtpDelivery.Result result = smtp.send(address.get(), notice.subject(), notice.bodyText(),
                MessageIds.of(noticeId, settings.messageIdDomain()));
        switch (result.outcome()) {
            case ACCEPTED -> {
                notices.markSent(noticeId, attempts, now);
                eventLog.append(0, List.of(NewEvent.of("notice-" + noticeId, notice.certificantId(),
                        EventTypes.NOTICE_SENT, Topics.NOTICES, now, new NoticeSentV1(noticeId,
                                notice.certificantId(), notice.kind().name(), notice.subject(), now,
                                notice.answersEventId(), notice.reminderKey()))));
                return Optional.of(NoticeStatus.SENT);
            }
            case PERMANENT_FAILURE -> {
                notices.markFinal(noticeId, NoticeStatus.FAILED, attempts, result.detail());
                return Optional.of(NoticeStatus.FAILED);
            }
            default -> {
                Optional<Instant> next = settings.retries().next(attempts, now);
                if (next.isEmpty()) {
                    notices.markFinal(noticeId, NoticeStatus.FAILED, attempts,
                            "gave up after " + attempts + " tries: " + result.detail());
                    return Optional.of(NoticeStatus.FAILED);
                }
                notices.retryAt(noticeId, attempts, next.get(), result.detail());
                return Optional.of(NoticeStatus.PENDING);
            }
        }
    }

    /**
     * No address yet: the notice waits until the address wait is over (setting an address makes it due at once, see
     * {@link Contacts#setEmail}), then is recorded as not sent. It is not looked at in between, so the many people
     * without an address never crowd the sendable notices out of a run's batch.
     */
    private NoticeStatus waitForAddress(Notice notice, int attempts, Instant now) {
        Instant giveUpAt = notice.createdAt().plus(settings.addressWait());
        if (now.isBefore(giveUpAt)) {
            notices.retryAt(notice.noticeId(), attempts, giveUpAt, "no contact address yet");
            return NoticeStatus.PENDING;
        }
        notices.markFinal(notice.noticeId(), NoticeStatus.NOT_SENT_NO_ADDRESS, attempts, "no contact address");
        return NoticeStatus.NOT_SENT_NO_ADDRESS;
    }
}
