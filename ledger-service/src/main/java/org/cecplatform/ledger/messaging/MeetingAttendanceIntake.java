package org.cecplatform.ledger.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.cecplatform.contract.intake.MeetingAttendance;
import org.cecplatform.ledger.domain.IntakeCredit;
import org.cecplatform.ledger.domain.IntakeRejectedException;
import org.cecplatform.ledger.domain.IntakeRules;
import org.cecplatform.platform.messaging.IdempotentConsumer;
import org.cecplatform.platform.messaging.IncomingEvents;
import org.cecplatform.platform.messaging.MessageHandler;
import org.cecplatform.platform.messaging.RejectedMessageException;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Attendance at the Annual Meeting, the Health & Fitness Summit and webinars ({@code meetings.attendance.v1}) becomes
 * a verified credit whose source is the meeting, once per attendance id.
 */
@ApplicationScoped
public class MeetingAttendanceIntake implements MessageHandler<IntakeCredit> {

    public static final String CONSUMER = "ledger.meetings";

    private final IdempotentConsumer consumer;
    private final IncomingEvents incoming;
    private final IntakeRules rules;
    private final IntakePosting posting;

    public MeetingAttendanceIntake(IdempotentConsumer consumer, IncomingEvents incoming, IntakeRules rules,
                            IntakePosting posting) {
        this.consumer = consumer;
        this.incoming = incoming;
        this.rules = rules;
        this.posting = posting;
    }

    @Incoming("meetings-attendance")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumer.consume(CONSUMER, records, this);
    }

    @Override
    public Parsed<IntakeCredit> parse(ConsumerRecord<String, byte[]> record) {
        MeetingAttendance attendance = incoming.body(record, MeetingAttendance.class);
        try {
            IntakeCredit credit = rules.meetingAttendance(attendance.attendanceId(), attendance.memberId(),
                    attendance.meeting(), attendance.sessionCode(), attendance.title(), attendance.cecs(),
                    attendance.attendedOn(), posting.today());
            return new Parsed<>(IntakePosting.deduplicationKey(credit), credit);
        } catch (IntakeRejectedException e) {
            throw new RejectedMessageException("invalid meeting attendance: " + e.getMessage(), e);
        }
    }

    @Override
    public void apply(IntakeCredit credit) {
        posting.post(credit, CONSUMER);
    }

    @Override
    public void applyAll(List<IntakeCredit> credits) {
        posting.postAll(credits, CONSUMER);
    }
}
