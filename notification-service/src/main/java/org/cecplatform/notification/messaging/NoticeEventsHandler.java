package org.cecplatform.notification.messaging;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.notification.application.EventNotices;
import org.cecplatform.notification.application.NoticeIntake;
import org.cecplatform.platform.messaging.IncomingEvents;
import org.cecplatform.platform.messaging.EventConsumer;
import org.cecplatform.platform.messaging.IdempotentConsumer;
import org.cecplatform.platform.messaging.RejectedMessageException;

/**
 * What the three consumers share: only the topic owner's events are taken ({@code ce_source}); an event is
 * deduplicated on its {@code ce_id}; one of a type this service has no use for is passed over; one that cannot be
 * read, or lacks what its notice needs, is rejected (its dead-letter topic) and blocks nothing. Applying records the
 * event's notices and facts in the consumer's transaction, beside its processed-event row.
 */
abstract class NoticeEventsHandler extends EventConsumer<EventNotices.Reaction> {

    protected final IncomingEvents incoming;
    protected final EventNotices notices;
    private final NoticeIntake intake;

    NoticeEventsHandler(String name, IdempotentConsumer consumer, IncomingEvents incoming, EventNotices notices,
                        NoticeIntake intake) {
        super(name, consumer);
        this.incoming = incoming;
        this.notices = notices;
        this.intake = intake;
    }

    /** The reaction to an event of {@code type}; empty when this service has no use for the type. */
    protected abstract Optional<EventNotices.Reaction> react(String type, String eventId,
                                                             ConsumerRecord<String, byte[]> record);

    @Override
    public Parsed<EventNotices.Reaction> parse(ConsumerRecord<String, byte[]> record) {
        incoming.requireTopicOwner(record);
        String eventId = incoming.eventId(record);
        String type = incoming.eventType(record);
        Optional<EventNotices.Reaction> reaction;
        try {
            reaction = react(type, eventId, record);
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new RejectedMessageException(type + " lacks what its notice needs: " + e.getMessage(), e);
        }
        return reaction.map(r -> new Parsed<>(eventId, r)).orElseGet(() -> Parsed.notForThisConsumer(eventId));
    }

    @Override
    public void apply(EventNotices.Reaction reaction) {
        intake.apply(reaction.facts(), reaction.notices());
    }
}
