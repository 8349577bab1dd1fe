package org.cecplatform.ledger.messaging;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.cecplatform.contract.intake.CourseCompletion;
import org.cecplatform.contract.intake.MeetingAttendance;
import org.cecplatform.ledger.application.CreditIntake;
import org.cecplatform.ledger.domain.IntakeRules;
import org.cecplatform.platform.messaging.IdempotentConsumer;
import org.cecplatform.platform.messaging.IncomingEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The integration systems' credits: ceOnline course completions ({@code lms.course-completions.v1}) become verified
 * CE_ONLINE credits, meeting attendance ({@code meetings.attendance.v1}) verified ANNUAL_MEETING,
 * HEALTH_FITNESS_SUMMIT or WEBINAR credits; each completion or attendance id once.
 */
@ApplicationScoped
public class IntakeConsumers {

    private static final String LMS_CONSUMER = "ledger.lms";
    private static final String MEETINGS_CONSUMER = "ledger.meetings";

    private final IdempotentConsumer consumer;
    private final IntakeHandler<CourseCompletion> completions;
    private final IntakeHandler<MeetingAttendance> attendance;

    public IntakeConsumers(IdempotentConsumer consumer, IncomingEvents incoming, IntakeRules rules,
                           CreditIntake intake) {
        this.consumer = consumer;
        this.completions = new IntakeHandler<>(LMS_CONSUMER, CourseCompletion.class, "course completion",
                (c, today) -> rules.courseCompletion(c.completionId(), c.memberId(), c.courseId(), c.courseTitle(),
                        c.cecs(), c.completedAt(), today),
                incoming, intake);
        this.attendance = new IntakeHandler<>(MEETINGS_CONSUMER, MeetingAttendance.class, "meeting attendance",
                (a, today) -> rules.meetingAttendance(a.attendanceId(), a.memberId(), a.meeting(), a.sessionCode(),
                        a.title(), a.cecs(), a.attendedOn(), today),
                incoming, intake);
    }

    /** Eagerly, so that a requeue finds these consumers even before their first delivery after a restart. */
    void registerForRequeues(@Observes StartupEvent started) {
        consumer.register(completions.consumer(), completions);
        consumer.register(attendance.consumer(), attendance);
    }

    @Incoming("lms-completions")
    @Blocking
    public void courseCompletions(ConsumerRecords<String, byte[]> records) {
        consumer.consume(completions.consumer(), records, completions);
    }

    @Incoming("meetings-attendance")
    @Blocking
    public void meetingAttendance(ConsumerRecords<String, byte[]> records) {
        consumer.consume(attendance.consumer(), records, attendance);
    }
}
