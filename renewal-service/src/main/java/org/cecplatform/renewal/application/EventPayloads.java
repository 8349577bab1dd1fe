package org.cecplatform.renewal.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.contract.renewal.AttestedCecsV2;
import org.cecplatform.contract.renewal.CertificationGrantedV1;
import org.cecplatform.contract.renewal.CertificationReinstatedV2;
import org.cecplatform.contract.renewal.CertificationRenewedV2;
import org.cecplatform.contract.renewal.CertificationStatusChangedV1;
import org.cecplatform.contract.renewal.CprCardV2;
import org.cecplatform.contract.renewal.FeeItemV2;
import org.cecplatform.contract.renewal.PaymentV2;
import org.cecplatform.contract.renewal.PendingRenewalExpiredV1;
import org.cecplatform.contract.renewal.RenewalPaymentRequestedV1;
import org.cecplatform.contract.renewal.RenewedCertificationV2;
import org.cecplatform.platform.outbox.NewEvent;
import org.cecplatform.platform.outbox.StoredEvent;
import org.cecplatform.renewal.domain.AttestedCecs;
import org.cecplatform.renewal.domain.CertificationEvent;
import org.cecplatform.renewal.domain.CertificationStatus;
import org.cecplatform.renewal.domain.CprCard;
import org.cecplatform.renewal.domain.Fee;
import org.cecplatform.renewal.domain.FeeItem;
import org.cecplatform.renewal.domain.Payment;
import org.cecplatform.renewal.domain.PendingRenewal;
import org.cecplatform.renewal.domain.Renewal;
import org.cecplatform.renewal.domain.RenewalKind;
import org.cecplatform.renewal.domain.RenewedCertification;

/**
 * The one place where the aggregate's changes and the events of its stream meet, both ways: what a command changed
 * becomes the public events of {@code cec.renewals.v1} (renewals as version 2) and the service's private events, and
 * a stored event (read as its latest version) becomes the change it records, for the fold and the projections. The
 * stream is the person's (aggregate id = certificant id), and so is the Kafka key: one person's events stay in order.
 */
@ApplicationScoped
public class EventPayloads {

    // The events of a person's stream that no topic publishes (README "Event sourcing"): they record what the service
    // needs to fold the person or project its tables and no other service needs to hear.

    /** A certification already INACTIVE is held by another (later overdue) audit; also imported for existing holds. */
    public static final String AUDIT_HOLD_CHANGED = "renewal.AuditHoldChanged.v1";

    /**
     * The receipt of a renewal recorded before the renewal events carried it (version 1), imported by migration V7 from
     * the tables: a {@code CertificationRenewedV2} body whose {@code kind} may be REINSTATEMENT.
     */
    public static final String RENEWAL_RECEIPT_IMPORTED = "renewal.RenewalReceiptImported.v1";

    /** The body of {@link #AUDIT_HOLD_CHANGED}. */
    public record AuditHoldChangedV1(UUID certificationId, String certificantId, UUID auditId, Instant changedAt) {
    }

    private final ObjectMapper json;

    public EventPayloads(ObjectMapper json) {
        this.json = json;
    }

    // ------------------------------------------------------------------------------------------------ to events

    public List<NewEvent> toEvents(String certificantId, List<CertificationEvent> changes) {
        return changes.stream().map(change -> toEvent(certificantId, change)).toList();
    }

    private NewEvent toEvent(String certificantId, CertificationEvent change) {
        if (change instanceof CertificationEvent.Granted g) {
            return NewEvent.of(certificantId, certificantId, EventTypes.CERTIFICATION_GRANTED, Topics.RENEWALS,
                    g.grantedAt(), new CertificationGrantedV1(g.certificationId(), g.certificantId(), g.credential(),
                            g.certifiedOn(), g.cycleStart(), g.cycleEnd(), g.grantedBy(), g.grantedAt()));
        }
        if (change instanceof CertificationEvent.StatusChanged s) {
            return NewEvent.of(certificantId, certificantId, EventTypes.CERTIFICATION_STATUS_CHANGED, Topics.RENEWALS,
                    s.changedAt(), new CertificationStatusChangedV1(s.certificationId(), s.certificantId(),
                            s.credential(), s.from().name(), s.to().name(), s.reason(), s.effectiveOn(),
                            s.changedAt(), s.auditId()));
        }
        if (change instanceof CertificationEvent.AuditHoldChanged h) {
            return NewEvent.privateEvent(certificantId, certificantId, AUDIT_HOLD_CHANGED, h.changedAt(),
                    new AuditHoldChangedV1(h.certificationId(), h.certificantId(), h.auditId(),
                            h.changedAt()));
        }
        if (change instanceof CertificationEvent.PaymentRequested p) {
            return paymentRequested(certificantId, p.pending());
        }
        if (change instanceof CertificationEvent.PendingRenewalExpired x) {
            return NewEvent.of(certificantId, certificantId, EventTypes.PENDING_RENEWAL_EXPIRED, Topics.RENEWALS,
                    x.expiredAt(), new PendingRenewalExpiredV1(x.renewalId(), x.certificantId(), x.paymentReference(),
                            x.expiredAt()));
        }
        Renewal r = ((CertificationEvent.Renewed) change).renewal();
        RenewedCertification level = r.levelCertification();
        if (r.kind() == RenewalKind.REINSTATEMENT) {
            return NewEvent.of(certificantId, certificantId, EventTypes.CERTIFICATION_REINSTATED_V2, Topics.RENEWALS,
                    r.renewedAt(), new CertificationReinstatedV2(r.renewalId(), r.certificantId(), r.credentials(),
                            r.level(), r.renewedOn(), r.renewedAt(), level.previousCycleStart(),
                            level.previousCycleEnd(), level.gapFrom(), level.gapTo(), r.cycleStart(), r.cycleEnd(),
                            r.cecsRequired(), r.cecsAttested(), r.cecsTracked(), r.fee().total(), r.fee().currency(),
                            r.countedFrom(), r.countedTo(), certifications(r), attested(r.attestedAsSubmitted()),
                            attested(r.attestedAsCounted()), feeItems(r), payment(r.payment()), cpr(r.cpr()),
                            r.submittedBy()));
        }
        return NewEvent.of(certificantId, certificantId, EventTypes.CERTIFICATION_RENEWED_V2, Topics.RENEWALS,
                r.renewedAt(), renewedV2(r));
    }

    private static NewEvent paymentRequested(String certificantId, PendingRenewal pending) {
        Payment due = pending.paymentDue();
        return NewEvent.of(certificantId, certificantId, EventTypes.RENEWAL_PAYMENT_REQUESTED, Topics.RENEWALS,
                pending.requestedAt(), new RenewalPaymentRequestedV1(pending.renewalId(), pending.certificantId(),
                        pending.quote().kind().name(), pending.quote().credentials(), due.amount(), due.currency(),
                        due.reference(), pending.requestedAt(), pending.expiresAt(), pending.submittedBy()));
    }

    /** A renewal (of any kind) as a {@code CertificationRenewed.v2} body: also the imported receipt's body. */
    public static CertificationRenewedV2 renewedV2(Renewal r) {
        RenewedCertification level = r.levelCertification();
        return new CertificationRenewedV2(r.renewalId(), r.certificantId(), r.kind().name(), r.credentials(),
                r.level(), r.renewedOn(), r.renewedAt(), level.previousCycleStart(), level.previousCycleEnd(),
                r.cycleStart(), r.cycleEnd(), r.cecsRequired(), r.cecsAttested(), r.cecsTracked(), r.fee().total(),
                r.fee().currency(), r.countedFrom(), r.countedTo(), certifications(r),
                attested(r.attestedAsSubmitted()), attested(r.attestedAsCounted()), feeItems(r), payment(r.payment()),
                cpr(r.cpr()), r.submittedBy());
    }

    private static List<RenewedCertificationV2> certifications(Renewal r) {
        return r.certifications().stream().map(c -> new RenewedCertificationV2(c.certificationId(), c.credential(),
                c.previousCycleStart(), c.previousCycleEnd(), c.cecsTracked(), c.gapFrom(), c.gapTo(),
                c.countedFrom(), c.countedTo())).toList();
    }

    private static AttestedCecsV2 attested(AttestedCecs a) {
        return a == null ? null : new AttestedCecsV2(a.ceOnlineAndAcsmEvents(), a.otherProviders(),
                a.collegeCourses(), a.committeeService(), a.cprAedFirstAid(), a.publicationsAndPresentations());
    }

    private static List<FeeItemV2> feeItems(Renewal r) {
        return r.fee().items().stream().map(i -> new FeeItemV2(i.description(), i.amount())).toList();
    }

    private static PaymentV2 payment(Payment p) {
        return p == null ? null : new PaymentV2(p.amount(), p.currency(), p.reference());
    }

    private static CprCardV2 cpr(CprCard c) {
        return c == null ? null : new CprCardV2(c.provider(), c.issuedOn(), c.expiresOn(), c.handsOnSkills());
    }

    // ------------------------------------------------------------------------------------------------ from events

    /**
     * The change a stored event records (read as its latest version); empty for an event the aggregate does not fold
     * (an imported receipt: see {@link #importedReceipt}; a renewal request's payment requested or its expiry, which
     * are published for others and change no certification).
     */
    public Optional<CertificationEvent> toChange(StoredEvent event) {
        return Optional.ofNullable(switch (event.type()) {
            case EventTypes.CERTIFICATION_GRANTED -> {
                CertificationGrantedV1 g = read(event, CertificationGrantedV1.class);
                yield new CertificationEvent.Granted(g.certificationId(), g.certificantId(), g.credential(),
                        g.certifiedOn(), g.cycleStart(), g.cycleEnd(), g.grantedBy(), g.grantedAt());
            }
            case EventTypes.CERTIFICATION_STATUS_CHANGED -> {
                CertificationStatusChangedV1 s = read(event, CertificationStatusChangedV1.class);
                yield new CertificationEvent.StatusChanged(s.certificationId(), s.certificantId(), s.credential(),
                        CertificationStatus.valueOf(s.from()), CertificationStatus.valueOf(s.to()), s.reason(),
                        s.effectiveOn(), s.changedAt(), s.auditId());
            }
            case AUDIT_HOLD_CHANGED -> {
                AuditHoldChangedV1 h = read(event, AuditHoldChangedV1.class);
                yield new CertificationEvent.AuditHoldChanged(h.certificationId(), h.certificantId(), h.auditId(),
                        h.changedAt());
            }
            case EventTypes.CERTIFICATION_RENEWED_V2 ->
                    new CertificationEvent.Renewed(renewal(read(event, CertificationRenewedV2.class)));
            case EventTypes.CERTIFICATION_REINSTATED_V2 -> {
                CertificationReinstatedV2 r = read(event, CertificationReinstatedV2.class);
                yield new CertificationEvent.Renewed(renewal(r.renewalId(), r.certificantId(),
                        RenewalKind.REINSTATEMENT, r.credentials(), r.level(), r.reinstatedOn(), r.reinstatedAt(),
                        r.cycleStart(), r.cycleEnd(), r.certifications(), r.cecsRequired(), r.attestedSubmitted(),
                        r.attestedCounted(), r.cecsAttested(), r.cecsTracked(), r.feeItems(), r.feeTotal(),
                        r.currency(), r.payment(), r.cpr(), r.submittedBy()));
            }
            default -> null;
        });
    }

    /** The renewal an imported receipt holds, whole; empty for any other event. */
    public Optional<Renewal> importedReceipt(StoredEvent event) {
        return RENEWAL_RECEIPT_IMPORTED.equals(event.type())
                ? Optional.of(renewal(read(event, CertificationRenewedV2.class))) : Optional.empty();
    }

    private static Renewal renewal(CertificationRenewedV2 r) {
        return renewal(r.renewalId(), r.certificantId(), RenewalKind.valueOf(r.kind()), r.credentials(), r.level(),
                r.renewedOn(), r.renewedAt(), r.cycleStart(), r.cycleEnd(), r.certifications(), r.cecsRequired(),
                r.attestedSubmitted(), r.attestedCounted(), r.cecsAttested(), r.cecsTracked(), r.feeItems(),
                r.feeTotal(), r.currency(), r.payment(), r.cpr(), r.submittedBy());
    }

    private static Renewal renewal(UUID renewalId, String certificantId, RenewalKind kind, List<String> credentials,
                                   String level, LocalDate renewedOn, Instant renewedAt, LocalDate cycleStart,
                                   LocalDate cycleEnd, List<RenewedCertificationV2> certifications,
                                   BigDecimal cecsRequired, AttestedCecsV2 submitted, AttestedCecsV2 counted,
                                   BigDecimal cecsAttested, BigDecimal cecsTracked, List<FeeItemV2> feeItems,
                                   BigDecimal feeTotal, String currency, PaymentV2 payment, CprCardV2 cpr,
                                   String submittedBy) {
        List<RenewedCertification> renewed = certifications.stream().map(c -> new RenewedCertification(
                c.certificationId(), c.credential(), c.previousCycleStart(), c.previousCycleEnd(), c.cecsTracked(),
                c.gapFrom(), c.gapTo(), c.countedFrom(), c.countedTo())).toList();
        Fee fee = new Fee(feeItems == null ? List.of()
                : feeItems.stream().map(i -> new FeeItem(i.description(), i.amount())).toList(), feeTotal, currency);
        return new Renewal(renewalId, certificantId, kind, credentials, level, renewedOn, renewedAt, cycleStart,
                cycleEnd, renewed, cecsRequired, attested(submitted), attested(counted), cecsAttested, cecsTracked,
                fee, payment == null ? null : new Payment(payment.amount(), payment.currency(), payment.reference()),
                cpr == null ? null : new CprCard(cpr.provider(), cpr.issuedOn(), cpr.expiresOn(), cpr.handsOnSkills()),
                submittedBy);
    }

    private static AttestedCecs attested(AttestedCecsV2 a) {
        return a == null ? null : new AttestedCecs(a.ceOnlineAndAcsmEvents(), a.otherProviders(), a.collegeCourses(),
                a.committeeService(), a.cprAedFirstAid(), a.publicationsAndPresentations());
    }

    private <T> T read(StoredEvent event, Class<T> type) {
        try {
            return json.readValue(event.payload(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.eventId() + " (" + event.type() + ") is unreadable as "
                    + type.getSimpleName(), e);
        }
    }

    /** The stored form of events about to be appended after {@code sequence}: what the live projection applies. */
    public List<StoredEvent> asStored(List<NewEvent> events, long sequence) {
        List<StoredEvent> stored = new ArrayList<>(events.size());
        long next = sequence;
        for (NewEvent e : events) {
            try {
                stored.add(new StoredEvent(0, e.eventId(), e.aggregateId(), ++next, e.type(), e.topic(),
                        e.certificantId(), e.occurredAt(), json.writeValueAsString(e.payload())));
            } catch (JsonProcessingException ex) {
                throw new IllegalArgumentException("event payload cannot be written as JSON", ex);
            }
        }
        return stored;
    }
}
