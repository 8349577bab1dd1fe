package org.cecplatform.notification.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.renewal.CertificationGrantedV1;
import org.cecplatform.contract.renewal.CertificationReinstatedV1;
import org.cecplatform.contract.renewal.CertificationReinstatedV2;
import org.cecplatform.contract.renewal.CertificationRenewedV1;
import org.cecplatform.contract.renewal.CertificationRenewedV2;
import org.cecplatform.contract.renewal.CertificationStatusChangedV1;
import org.cecplatform.contract.renewal.PendingRenewalExpiredV1;
import org.cecplatform.contract.renewal.RenewalPaymentRequestedV1;
import org.cecplatform.notification.application.EventNotices;
import org.cecplatform.notification.application.NoticeIntake;
import org.cecplatform.platform.messaging.IdempotentConsumer;
import org.cecplatform.platform.messaging.IncomingEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code cec.renewals.v1}: granted, a renewal waiting for its payment or expired unpaid, renewed (the receipt, in
 * version 2), reinstated, and the status changes (GRACE, LAPSED, INACTIVE are told; every status is kept for the
 * reminders).
 */
@Singleton
public class RenewalEventsConsumer extends NoticeEventsHandler {

    static final String CONSUMER = "notification.renewals";

    public RenewalEventsConsumer(IdempotentConsumer consumer, IncomingEvents incoming, EventNotices notices,
                                 NoticeIntake intake) {
        super(CONSUMER, consumer, incoming, notices, intake);
    }

    @Incoming("renewal-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumeBatch(records);
    }

    @Override
    protected Optional<EventNotices.Reaction> react(String type, String eventId, ConsumerRecord<String, byte[]> record) {
        return Optional.ofNullable(switch (type) {
            case EventTypes.CERTIFICATION_GRANTED ->
                    notices.granted(eventId, incoming.body(record, CertificationGrantedV1.class));
            case EventTypes.CERTIFICATION_RENEWED ->
                    notices.renewed(eventId, incoming.body(record, CertificationRenewedV1.class));
            case EventTypes.CERTIFICATION_RENEWED_V2 ->
                    notices.renewed(eventId, incoming.body(record, CertificationRenewedV2.class));
            case EventTypes.CERTIFICATION_REINSTATED ->
                    notices.reinstated(eventId, incoming.body(record, CertificationReinstatedV1.class));
            case EventTypes.CERTIFICATION_REINSTATED_V2 ->
                    notices.reinstated(eventId, incoming.body(record, CertificationReinstatedV2.class));
            case EventTypes.CERTIFICATION_STATUS_CHANGED ->
                    notices.statusChanged(eventId, incoming.body(record, CertificationStatusChangedV1.class));
            case EventTypes.RENEWAL_PAYMENT_REQUESTED ->
                    notices.paymentRequested(eventId, incoming.body(record, RenewalPaymentRequestedV1.class));
            case EventTypes.PENDING_RENEWAL_EXPIRED ->
                    notices.pendingExpired(eventId, incoming.body(record, PendingRenewalExpiredV1.class));
            default -> null;
        });
    }
}
