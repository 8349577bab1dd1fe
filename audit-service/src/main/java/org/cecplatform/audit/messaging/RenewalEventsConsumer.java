package org.cecplatform.audit.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.cecplatform.audit.application.Sampler;
import org.cecplatform.audit.domain.audit.RenewalUnderAudit;
import org.cecplatform.audit.domain.sampling.SamplingPolicy;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.renewal.CertificationReinstatedV1;
import org.cecplatform.contract.renewal.CertificationRenewedV1;
import org.cecplatform.platform.messaging.IdempotentConsumer;
import org.cecplatform.platform.messaging.IncomingEvents;
import org.cecplatform.platform.messaging.MessageHandler;
import org.cecplatform.platform.messaging.RejectedMessageException;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code cec.renewals.v1}: every renewal and reinstatement (version 1 or 2 of its event) enters the audit pool of its
 * level and year. Grants and
 * status changes are not the audit's business and are skipped. Only the renewal-service's events are taken (their
 * {@code ce_source}). Deduplicated on {@code ce_id}, and a renewal enters the pool once even if it arrives under
 * another event id.
 */
@ApplicationScoped
public class RenewalEventsConsumer implements MessageHandler<RenewalUnderAudit> {

    static final String CONSUMER = "audit.renewals";

    private final IdempotentConsumer consumer;
    private final IncomingEvents incoming;
    private final Sampler sampler;
    private final SamplingPolicy sampling;

    public RenewalEventsConsumer(IdempotentConsumer consumer, IncomingEvents incoming, Sampler sampler,
                                 SamplingPolicy sampling) {
        this.consumer = consumer;
        this.incoming = incoming;
        this.sampler = sampler;
        this.sampling = sampling;
    }

    @Incoming("renewal-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumer.consume(CONSUMER, records, this);
    }

    @Override
    public Parsed<RenewalUnderAudit> parse(ConsumerRecord<String, byte[]> record) {
        incoming.requireTopicOwner(record);
        String eventId = incoming.eventId(record);
        String type = incoming.eventType(record);
        // Version 2 adds fields (the receipt) to version 1 and changes none: a v2 body read as v1 (a tolerant reader)
        // has everything the pool needs.
        if (EventTypes.CERTIFICATION_RENEWED.equals(type) || EventTypes.CERTIFICATION_RENEWED_V2.equals(type)) {
            return new Parsed<>(eventId, renewal(incoming.body(record, CertificationRenewedV1.class)));
        }
        if (EventTypes.CERTIFICATION_REINSTATED.equals(type) || EventTypes.CERTIFICATION_REINSTATED_V2.equals(type)) {
            return new Parsed<>(eventId, reinstatement(incoming.body(record, CertificationReinstatedV1.class)));
        }
        return new Parsed<>(eventId, null);
    }

    @Override
    public void apply(RenewalUnderAudit renewal) {
        if (renewal != null) {
            sampler.enter(renewal);
        }
    }

    /**
     * The audit judges proof inside exactly the window the renewal counted ({@code countedFrom}..{@code countedTo}).
     * Renewals published before those fields existed counted from the previous cycle's start to the renewal date.
     */
    RenewalUnderAudit renewal(CertificationRenewedV1 e) {
        List<String> missing = new ArrayList<>();
        require(e.renewalId(), "renewalId", missing);
        require(e.certificantId(), "certificantId", missing);
        require(e.level(), "level", missing);
        require(e.renewedOn(), "renewedOn", missing);
        require(e.previousCycleStart(), "previousCycleStart", missing);
        require(e.previousCycleEnd(), "previousCycleEnd", missing);
        require(e.cecsRequired(), "cecsRequired", missing);
        rejectIfMissing("CertificationRenewed", missing);
        return underAudit(e.renewalId(), e.certificantId(), e.kind() == null ? "RENEWAL" : e.kind(), e.credentials(),
                e.level(), e.renewedOn(), orElse(e.countedFrom(), e.previousCycleStart()),
                orElse(e.countedTo(), e.renewedOn()), e.cecsRequired(), e.cecsAttested(), e.cycleEnd());
    }

    /**
     * A reinstatement counts only the CECs completed inside the lapsed cycle's window (SPEC §1): exactly the window it
     * counted, or, for reinstatements published before that field existed, the lapsed cycle.
     */
    RenewalUnderAudit reinstatement(CertificationReinstatedV1 e) {
        List<String> missing = new ArrayList<>();
        require(e.renewalId(), "renewalId", missing);
        require(e.certificantId(), "certificantId", missing);
        require(e.level(), "level", missing);
        require(e.reinstatedOn(), "reinstatedOn", missing);
        require(e.lapsedCycleStart(), "lapsedCycleStart", missing);
        require(e.lapsedCycleEnd(), "lapsedCycleEnd", missing);
        require(e.cecsRequired(), "cecsRequired", missing);
        rejectIfMissing("CertificationReinstated", missing);
        return underAudit(e.renewalId(), e.certificantId(), "REINSTATEMENT", e.credentials(), e.level(),
                e.reinstatedOn(), orElse(e.countedFrom(), e.lapsedCycleStart()),
                orElse(e.countedTo(), e.lapsedCycleEnd()), e.cecsRequired(), e.cecsAttested(), e.cycleEnd());
    }

    private RenewalUnderAudit underAudit(UUID renewalId, String certificantId, String kind, List<String> credentials,
                                         String level, LocalDate renewedOn, LocalDate windowStart,
                                         LocalDate windowEnd, BigDecimal required, BigDecimal attested,
                                         LocalDate validUntil) {
        if (!sampling.audits(level)) {
            throw new RejectedMessageException("level " + level + " is not an audited credential level "
                    + sampling.levels());
        }
        if (required.signum() <= 0) {
            throw new RejectedMessageException("cecsRequired must be positive, not " + required);
        }
        if (windowEnd.isBefore(windowStart)) {
            throw new RejectedMessageException("the cycle window ends before it starts");
        }
        return new RenewalUnderAudit(renewalId, certificantId, kind,
                credentials == null || credentials.isEmpty() ? List.of(level) : credentials, level,
                renewedOn.getYear(), renewedOn, windowStart, windowEnd, required, attested, validUntil);
    }

    private static LocalDate orElse(LocalDate value, LocalDate otherwise) {
        return value != null ? value : otherwise;
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
