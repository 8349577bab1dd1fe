package org.cecplatform.renewal.persistence;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.platform.persistence.Jdbc;
import org.cecplatform.platform.persistence.StoredJson;
import org.cecplatform.renewal.domain.PaymentNotice;
import org.cecplatform.renewal.domain.PaymentOutcome;
import org.cecplatform.renewal.domain.PendingRenewal;
import org.cecplatform.renewal.domain.RenewalQuote;
import org.cecplatform.renewal.domain.RenewalRequest;
import org.cecplatform.renewal.domain.RenewalStatus;
import org.cecplatform.renewal.domain.UnmatchedPayment;

/**
 * Renewal requests waiting for their payment, and every notification the payment provider sent. The writes are
 * statements (a notification is claimed with {@code on conflict do nothing}, a request settled only while PENDING);
 * the reads are the entities {@link PendingRenewalEntity} and {@link PaymentNotificationEntity}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PaymentRepository {

    /** The first request made with an {@code Idempotency-Key}: its hash and the renewal it created. */
    public record FirstRequest(String requestHash, UUID renewalId) {
    }

    /** Which renewal request a payment reference names, and whose it is. */
    public record RequestReference(UUID renewalId, String certificantId) {
    }

    private final Jdbc jdbc;
    private final StoredJson json;

    public PaymentRepository(Jdbc jdbc, StoredJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // ------------------------------------------------------------------------------------------- pending renewals

    public void insert(PendingRenewal p, String idempotencyKey, String requestHash) {
        Insert row = Insert.into("pending_renewal")
                .value("renewal_id", p.renewalId())
                .value("certificant_id", p.certificantId())
                .value("status", p.status())
                .value("requested_on", p.requestedOn())
                .value("requested_at", p.requestedAt())
                .value("expires_at", p.expiresAt())
                .value("submitted_by", p.submittedBy())
                .jsonb("form", json.write(p.form()))
                .jsonb("quote", json.write(p.quote()))
                .value("amount", p.paymentDue().amount())
                .value("currency", p.paymentDue().currency())
                .value("payment_reference", p.paymentReference())
                .value("idempotency_key", idempotencyKey)
                .value("request_hash", requestHash);
        jdbc.update(row.sql(), row.params());
    }

    public Optional<FirstRequest> firstRequest(String certificantId, String idempotencyKey) {
        return PendingRenewalEntity.<PendingRenewalEntity>find("certificantId = ?1 and idempotencyKey = ?2",
                        certificantId, idempotencyKey)
                .firstResultOptional().map(p -> new FirstRequest(p.requestHash, p.renewalId));
    }

    public Optional<PendingRenewal> pending(UUID renewalId) {
        return PendingRenewalEntity.<PendingRenewalEntity>findByIdOptional(renewalId).map(this::pendingRenewal);
    }

    /**
     * The request a payment reference names. Only its id and owner are read, and no entity is kept: the caller locks
     * the person and then reads the request itself ({@link #pending}), which must see what a concurrent payment did.
     */
    public Optional<RequestReference> requestWithReference(String reference) {
        return PendingRenewalEntity.find("paymentReference", reference).project(RequestReference.class)
                .firstResultOptional();
    }

    /** Sets the status of a renewal that is still PENDING; false when it was settled meanwhile. */
    public boolean settle(UUID renewalId, RenewalStatus to, Instant at) {
        return jdbc.update("update pending_renewal set status = ?, settled_at = ? where renewal_id = ?"
                + " and status = 'PENDING'", to, at, renewalId) == 1;
    }

    /** Marks every pending renewal whose time ran out by {@code now} as EXPIRED; returns how many. */
    public int expireDue(Instant now) {
        return jdbc.update("update pending_renewal set status = 'EXPIRED', settled_at = ? where status = 'PENDING'"
                + " and expires_at <= ?", now, now);
    }

    /** A person's pending (unpaid, unexpired) renewal requests, newest first. */
    public List<PendingRenewal> pendingOf(String certificantId) {
        return PendingRenewalEntity.<PendingRenewalEntity>list("certificantId = ?1 and status = ?2",
                        Sort.descending("requestedAt").and("renewalId"), certificantId, RenewalStatus.PENDING)
                .stream().map(this::pendingRenewal).toList();
    }

    // ------------------------------------------------------------------------------------------- notifications

    /**
     * Claims a provider event id for this transaction; false when it was recorded before (a redelivery). A concurrent
     * delivery of the same id waits here until the first one commits, then reads false.
     */
    public boolean claim(PaymentNotice notice, Instant receivedAt, String body) {
        Insert row = Insert.into("payment_notification")
                .value("provider_event_id", notice.eventId())
                .value("received_at", receivedAt)
                .value("payment_status", notice.status())
                .value("payment_reference", notice.reference())
                .value("amount", notice.amount())
                .value("currency", notice.currency())
                .value("outcome", PaymentOutcome.Kind.UNMATCHED)
                .value("body", body);
        return jdbc.update(row.sql() + " on conflict (provider_event_id) do nothing", row.params()) == 1;
    }

    public void record(PaymentOutcome outcome) {
        jdbc.update("update payment_notification set outcome = ?, reason = ?, renewal_id = ?"
                + " where provider_event_id = ?", outcome.outcome(), outcome.reason(), outcome.renewalId(),
                outcome.eventId());
    }

    public Optional<PaymentOutcome> outcomeOf(String eventId) {
        return PaymentNotificationEntity.<PaymentNotificationEntity>findByIdOptional(eventId)
                .map(n -> new PaymentOutcome(n.providerEventId, n.outcome, n.renewalId, n.reason));
    }

    /** Genuine payments that renewed nothing, newest first. */
    public List<UnmatchedPayment> unmatched(int page, int size) {
        return PaymentNotificationEntity.<PaymentNotificationEntity>find("outcome",
                        Sort.descending("receivedAt").and("providerEventId"), PaymentOutcome.Kind.UNMATCHED)
                .page(Page.of(page, size)).stream()
                .map(n -> new UnmatchedPayment(n.providerEventId, n.receivedAt, n.paymentReference, n.amount,
                        n.currency, n.renewalId, n.reason))
                .toList();
    }

    public long countUnmatched() {
        return PaymentNotificationEntity.count("outcome", PaymentOutcome.Kind.UNMATCHED);
    }

    private PendingRenewal pendingRenewal(PendingRenewalEntity p) {
        return new PendingRenewal(p.renewalId, p.certificantId, p.status, p.requestedOn, p.requestedAt, p.expiresAt,
                p.submittedBy, json.read(p.form, RenewalRequest.class), json.read(p.quote, RenewalQuote.class),
                p.paymentReference);
    }
}
