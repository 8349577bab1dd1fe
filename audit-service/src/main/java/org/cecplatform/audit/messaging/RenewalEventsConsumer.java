package org.cecplatform.audit.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.cecplatform.audit.application.EventPayloads;
import org.cecplatform.audit.application.Sampler;
import org.cecplatform.audit.domain.audit.RenewalUnderAudit;
import org.cecplatform.audit.domain.sampling.SamplingPolicy;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.renewal.CertificationReinstatedV1;
import org.cecplatform.contract.renewal.CertificationRenewedV1;
import org.cecplatform.platform.messaging.IdempotentConsumer;
import org.cecplatform.platform.messaging.IncomingEvents;
import org.cecplatform.platform.messaging.EventConsumer;
import org.cecplatform.platform.messaging.RejectedMessageException;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code cec.renewals.v1}: every renewal and reinstatement (version 1 or 2 of its event) enters the audit pool of its
 * level and year ({@link Sampler}). Grants, status changes and a renewal request's payment process (payment
 * requested, request expired) are not the audit's business and are not for this consumer. Only the renewal-service's events are taken (their {@code ce_source}). Deduplicated on {@code ce_id}, and a
 * renewal enters the pool once even if it arrives under another event id.
 */
@Singleton
public class RenewalEventsConsumer extends EventConsumer<RenewalUnderAudit> {

    static final String CONSUMER = "audit.renewals";

    private final IncomingEvents incoming;
    private final Sampler sampler;
    private final SamplingPolicy sampling;

    public RenewalEventsConsumer(IdempotentConsumer consumer, IncomingEvents incoming, Sampler sampler,
                                 SamplingPolicy sampling) {
        super(CONSUMER, consumer);
        this.incoming = incoming;
        this.sampler = sampler;
        this.sampling = sampling;
    }

    @Incoming("renewal-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumeBatch(records);
    }

    @Override
    public Parsed<RenewalUnderAudit> parse(ConsumerRecord<String, byte[]> record) {
        incoming.requireTopicOwner(record);
        String eventId = incoming.eventId(record);
        String type = incoming.eventType(record);
        // Version 2 adds fields (the receipt) to version 1 and changes none: a v2 body read as v1 (a tolerant reader)
        // has everything the pool needs.
        if (EventTypes.CERTIFICATION_RENEWED.equals(type) || EventTypes.CERTIFICATION_RENEWED_V2.equals(type)) {
            CertificationRenewedV1 renewed = incoming.body(record, CertificationRenewedV1.class);
            requireComplete(renewed);
            return new Parsed<>(eventId, auditable(EventPayloads.renewal(renewed)));
        }
        if (EventTypes.CERTIFICATION_REINSTATED.equals(type) || EventTypes.CERTIFICATION_REINSTATED_V2.equals(type)) {
            CertificationReinstatedV1 reinstated = incoming.body(record, CertificationReinstatedV1.class);
            requireComplete(reinstated);
            return new Parsed<>(eventId, auditable(EventPayloads.reinstatement(reinstated)));
        }
        return Parsed.notForThisConsumer(eventId);
    }

    @Override
    public void apply(RenewalUnderAudit renewal) {
        sampler.enter(renewal);
    }

    private static void requireComplete(CertificationRenewedV1 e) {
        List<String> missing = new ArrayList<>();
        require(e.renewalId(), "renewalId", missing);
        require(e.certificantId(), "certificantId", missing);
        require(e.level(), "level", missing);
        require(e.renewedOn(), "renewedOn", missing);
        require(e.previousCycleStart(), "previousCycleStart", missing);
        require(e.previousCycleEnd(), "previousCycleEnd", missing);
        require(e.cecsRequired(), "cecsRequired", missing);
        rejectIfMissing("CertificationRenewed", missing);
    }

    private static void requireComplete(CertificationReinstatedV1 e) {
        List<String> missing = new ArrayList<>();
        require(e.renewalId(), "renewalId", missing);
        require(e.certificantId(), "certificantId", missing);
        require(e.level(), "level", missing);
        require(e.reinstatedOn(), "reinstatedOn", missing);
        require(e.lapsedCycleStart(), "lapsedCycleStart", missing);
        require(e.lapsedCycleEnd(), "lapsedCycleEnd", missing);
        require(e.cecsRequired(), "cecsRequired", missing);
        rejectIfMissing("CertificationReinstated", missing);
    }

    /** A renewal the audit can take: of an audited level, with a requirement, in a window that does not end early. */
    private RenewalUnderAudit auditable(RenewalUnderAudit renewal) {
        if (!sampling.audits(renewal.level())) {
            throw new RejectedMessageException("level " + renewal.level() + " is not an audited credential level "
                    + sampling.levels());
        }
        if (renewal.cecsRequired().signum() <= 0) {
            throw new RejectedMessageException("cecsRequired must be positive, not " + renewal.cecsRequired());
        }
        if (renewal.windowEnd().isBefore(renewal.windowStart())) {
            throw new RejectedMessageException("the cycle window ends before it starts");
        }
        return renewal;
    }

    private static void require(Object value, String field, List<String> missing) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            missing.add(field);
        }
    }

    private static void rejectIfMissing(String event, List<String> missing) {
        if (!missing.isEmpty()) {
            throw new RejectedMessageException(event + " without " + String.join(", ", missing));
        }
    }
}
