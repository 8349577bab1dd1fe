package org.cecplatform.notification.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.cecplatform.notification.domain.NoticeDraft;
import org.cecplatform.notification.domain.NoticeKind;
import org.cecplatform.notification.domain.NoticeSettings;
import org.cecplatform.notification.domain.ReminderCalendar;
import org.cecplatform.notification.domain.Reminders;
import org.cecplatform.notification.persistence.NoticeRepository;
import org.cecplatform.notification.persistence.ReminderFactsRepository;
import org.cecplatform.notification.persistence.ReminderFactsRepository.AuditRow;
import org.cecplatform.notification.persistence.ReminderFactsRepository.CycleRow;
import org.cecplatform.platform.jobs.ScheduledJob;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * {@code notice-reminders}: on the policy calendar (the service clock, the policy zone), records the reminders that
 * are due: a cycle ending in 90/30/7 days that is not renewed (with the CECs still missing, read from
 * renewal-service), a grace period ending in 30 days, an audit's proof due in 7/1 days (its current due date, so an
 * extension moves them). Only the nearest due offset of each deadline; each reminder once (person, credential or
 * audit, date, offset). The sender sends them. Running it again at once records nothing more.
 */
@ApplicationScoped
public class RemindersJob implements ScheduledJob {

    public static final String NAME = "notice-reminders";
    private static final Logger LOG = Logger.getLogger(RemindersJob.class);

    private final ReminderFactsRepository facts;
    private final NoticeRepository notices;
    private final NoticeIntake intake;
    private final RenewalCertifications renewal;
    private final Reminders reminders;
    private final NoticeSettings settings;
    private final Clock clock;

    public RemindersJob(ReminderFactsRepository facts, NoticeRepository notices, NoticeIntake intake,
                        @RestClient RenewalCertifications renewal, Reminders reminders, NoticeSettings settings,
                        Clock clock) {
        this.facts = facts;
        this.notices = notices;
        this.intake = intake;
        this.renewal = renewal;
        this.reminders = reminders;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String run() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, reminders.zone());
        Tally tally = new Tally();
        ReminderCalendar cycleEnd = reminders.cycleEnd();
        for (CycleRow cycle : QuarkusTransaction.requiringNew().call(() ->
                facts.cyclesEnding("ACTIVE", today, today.plusDays(cycleEnd.furthest())))) {
            cycleEnd.due(today, cycle.cycleEnd()).ifPresent(offset -> tally.count(() -> cycleEndReminder(cycle, today,
                    offset, now)));
        }
        ReminderCalendar graceEnd = reminders.graceEnd();
        // A grace period ends in the year after its cycle: cycles that ended up to a year and a half ago can be in one.
        for (CycleRow cycle : QuarkusTransaction.requiringNew().call(() ->
                facts.cyclesEnding("GRACE", today.minusMonths(18), today))) {
            LocalDate end = reminders.graceEndAfter(cycle.cycleEnd());
            graceEnd.due(today, end).ifPresent(offset -> tally.count(() -> record(NoticeDraft.reminder(
                    key(cycle.certificantId(), cycle.credential(), end, offset), cycle.certificantId(),
                    NoticeKind.REMINDER_GRACE_END, facts("credential", cycle.credential(), "graceEnd", end,
                            "daysLeft", ChronoUnit.DAYS.between(today, end))), now)));
        }
        ReminderCalendar proofDue = reminders.proofDue();
        for (AuditRow audit : QuarkusTransaction.requiringNew().call(() ->
                facts.auditsDue(today, today.plusDays(proofDue.furthest())))) {
            proofDue.due(today, audit.dueOn()).ifPresent(offset -> tally.count(() -> record(NoticeDraft.reminder(
                    key(audit.certificantId(), audit.auditId().toString(), audit.dueOn(), offset),
                    audit.certificantId(), NoticeKind.REMINDER_PROOF_DUE, facts("auditId", audit.auditId(),
                            "credential", audit.credential(), "dueOn", audit.dueOn(),
                            "daysLeft", ChronoUnit.DAYS.between(today, audit.dueOn()),
                            "uploadUrl", settings.auditServiceUrl() + "/api/v1/audits/" + audit.auditId() + "/documents",
                            "submissionUrl", settings.auditServiceUrl() + "/api/v1/audits/" + audit.auditId()
                                    + "/submission")), now)));
        }
        return "reminders recorded " + tally.recorded + (tally.failed > 0 ? ", errors " + tally.failed : "");
    }

    /**
     * A cycle-end reminder, unless it was recorded before or renewal-service says the cycle no longer ends then (the
     * person renewed and the event is on its way). The CECs still missing are renewal-service's figures.
     */
    private boolean cycleEndReminder(CycleRow cycle, LocalDate today, int offset, Instant now) {
        String key = key(cycle.certificantId(), cycle.credential(), cycle.cycleEnd(), offset);
        NoticeDraft probe = NoticeDraft.reminder(key, cycle.certificantId(), NoticeKind.REMINDER_CYCLE_END, Map.of());
        if (QuarkusTransaction.requiringNew().call(() -> notices.exists(probe.dedupKey()))) {
            return false;
        }
        Optional<RenewalCertifications.Certification> current = renewal.of(cycle.certificantId()).certifications()
                .stream().filter(c -> cycle.credential().equals(c.credential())).findFirst();
        if (current.isEmpty() || !cycle.cycleEnd().equals(current.get().cycleEnd())
                || !"ACTIVE".equals(current.get().status())) {
            return false;
        }
        RenewalCertifications.Certification c = current.get();
        return record(NoticeDraft.reminder(key, cycle.certificantId(), NoticeKind.REMINDER_CYCLE_END, facts(
                "credential", cycle.credential(), "cycleEnd", cycle.cycleEnd(),
                "daysLeft", ChronoUnit.DAYS.between(today, cycle.cycleEnd()),
                "cecsRemaining", plain(c.cecsRemaining()), "cecsRequired", plain(c.cecsRequired()))), now);
    }

    private boolean record(NoticeDraft draft, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> intake.record(draft, now));
    }

    /** Person, credential or audit, deadline, offset: what a reminder is sent once for. */
    private static String key(String certificantId, String subject, LocalDate deadline, int offset) {
        return certificantId + ":" + subject + ":" + deadline + ":" + offset + "d";
    }

    private static String plain(BigDecimal value) {
        return value == null ? "?" : value.stripTrailingZeros().toPlainString();
    }

    private static Map<String, Object> facts(Object... nameValue) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            facts.put((String) nameValue[i], nameValue[i + 1]);
        }
        return facts;
    }

    /** Counts what was recorded; one deadline that fails (renewal-service away) does not stop the others. */
    private static final class Tally {
        int recorded;
        int failed;

        void count(BooleanSupplier work) {
            try {
                if (work.getAsBoolean()) {
                    recorded++;
                }
            } catch (RuntimeException e) {
                failed++;
                LOG.warnf("a reminder was not recorded this time (tried again on the next run): %s", e.toString());
            }
        }
    }
}
