package org.cecplatform.ledger.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.cecplatform.contract.intake.CourseCompletion;
import org.cecplatform.ledger.domain.IntakeCredit;
import org.cecplatform.ledger.domain.IntakeRejectedException;
import org.cecplatform.ledger.domain.IntakeRules;
import org.cecplatform.platform.messaging.IdempotentConsumer;
import org.cecplatform.platform.messaging.IncomingEvents;
import org.cecplatform.platform.messaging.MessageHandler;
import org.cecplatform.platform.messaging.RejectedMessageException;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** ceOnline course completions ({@code lms.course-completions.v1}) become verified CE_ONLINE credits, once each. */
@ApplicationScoped
public class CourseCompletionIntake implements MessageHandler<IntakeCredit> {

    public static final String CONSUMER = "ledger.lms";

    private final IdempotentConsumer consumer;
    private final IncomingEvents incoming;
    private final IntakeRules rules;
    private final IntakePosting posting;

    public CourseCompletionIntake(IdempotentConsumer consumer, IncomingEvents incoming, IntakeRules rules,
                           IntakePosting posting) {
        this.consumer = consumer;
        this.incoming = incoming;
        this.rules = rules;
        this.posting = posting;
    }

    @Incoming("lms-completions")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumer.consume(CONSUMER, records, this);
    }

    @Override
    public Parsed<IntakeCredit> parse(ConsumerRecord<String, byte[]> record) {
        CourseCompletion completion = incoming.body(record, CourseCompletion.class);
        try {
            IntakeCredit credit = rules.courseCompletion(completion.completionId(), completion.memberId(),
                    completion.courseId(), completion.courseTitle(), completion.cecs(), completion.completedAt(),
                    posting.today());
            return new Parsed<>(IntakePosting.deduplicationKey(credit), credit);
        } catch (IntakeRejectedException e) {
            throw new RejectedMessageException("invalid course completion: " + e.getMessage(), e);
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
