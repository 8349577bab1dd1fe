package org.cecplatform.notification.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cecplatform.notification.domain.NoticeDraft;
import org.cecplatform.notification.domain.NoticeStatus;
import org.cecplatform.notification.domain.ReminderFact;
import org.cecplatform.notification.persistence.NoticeRepository;
import org.cecplatform.notification.persistence.PreferenceRepository;
import org.cecplatform.notification.persistence.ReminderFactsRepository;

/**
 * Records notices in the outbox (and what the reminders need) inside the caller's transaction: a consumer's, with its
 * processed-event row, or the reminders job's. Nothing is sent here: the sender sends after commit. A notice whose
 * dedup key was recorded before is not recorded again; a reminder the person turned off is recorded as such.
 */
@ApplicationScoped
public class NoticeIntake {

    private final NoticeRepository notices;
    private final PreferenceRepository preferences;
    private final ReminderFactsRepository facts;
    private final NoticeTemplates templates;
    private final Clock clock;

    public NoticeIntake(NoticeRepository notices, PreferenceRepository preferences, ReminderFactsRepository facts,
                        NoticeTemplates templates, Clock clock) {
        this.notices = notices;
        this.preferences = preferences;
        this.facts = facts;
        this.templates = templates;
        this.clock = clock;
    }

    /** What one event means here: the facts kept for the reminders, and its notices. */
    public void apply(List<ReminderFact> newFacts, List<NoticeDraft> drafts) {
        Instant now = clock.instant();
        newFacts.forEach(fact -> facts.apply(fact, now));
        drafts.forEach(draft -> record(draft, now));
    }

    /** Records one notice; false when it was recorded before. */
    public boolean record(NoticeDraft draft, Instant now) {
        NoticeTemplates.Rendered content = templates.render(draft.kind(), draft.facts());
        NoticeStatus status = draft.kind().canBeTurnedOff() && !preferences.wantsReminders(draft.certificantId())
                ? NoticeStatus.TURNED_OFF : NoticeStatus.PENDING;
        return notices.insert(UUID.randomUUID(), draft.dedupKey(), draft.certificantId(), draft.kind(),
                content.subject(), content.text(), draft.answersEventId(), draft.reminderKey(), status, now);
    }
}
