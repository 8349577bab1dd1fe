package org.cecplatform.renewal.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * statements (a notification is claimed with {@code on conflict do nothing}, a request settled only while PENDING).
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
        return jdbc.one("select request_hash, renewal_id from pending_renewal where certificant_id = ?"
                + " and idempotency_key = ?", rs -> new FirstRequest(rs.getString("request_hash"),
                Jdbc.uuid(rs, "renewal_id")), certificantId, idempotencyKey);
    }

    public Optional<PendingRenewal> pending(UUID renewalId) {
        return jdbc.one("select * from pending_renewal where renewal_id = ?", this::pendingRenewal, renewalId);
    }

    /**
     * The request a payment reference names: only its id and owner; the caller locks the person and then reads the
     * request itself ({@link #pending}), which must see what a concurrent payment did.
     */
    public Optional<RequestReference> requestWithReference(String reference) {
        return jdbc.one("select renewal_id, certificant_id from pending_renewal where payment_reference = ?",
                rs -> new RequestReference(Jdbc.uuid(rs, "renewal_id"), rs.getString("certificant_id")), reference);
    }

    /** Sets the status of a renewal that is still PENDING; false when it was settled meanwhile. */
    public boolean settle(UUID renewalId, RenewalStatus to, Instant at) {
        return jdbc.update("update pending_renewal set status = ?, settled_at = ? where renewal_id = ?"
                + " and status = 'PENDING'", to, at, renewalId) == 1;
    }

    /**
     * Up to {@code limit} pending renewals whose time ran out by {@code now}, the oldest deadline first (the status is
     * written out so that the partial index {@code pending_renewal_due_to_expire} serves it).
     */
    public List<RequestReference> dueToExpire(Instant now, int limit) {
        return jdbc.list("select renewal_id, certificant_id from pending_renewal where status = 'PENDING'"
                + " and expires_at <= ? order by expires_at, renewal_id limit ?",
                rs -> new RequestReference(Jdbc.uuid(rs, "renewal_id"), rs.getString("certificant_id")), now, limit);
    }

    /** A person's pending (unpaid, unexpired) renewal requests, newest first. */
    public List<PendingRenewal> pendingOf(String certificantId) {
        return jdbc.list("select * from pending_renewal where certificant_id = ? and status = ?"
                + " order by requested_at desc, renewal_id", this::pendingRenewal, certificantId, RenewalStatus.PENDING);
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
        return jdbc.one("select provider_event_id, outcome, renewal_id, reason from payment_notification"
                + " where provider_event_id = ?", rs -> new PaymentOutcome(rs.getString("provider_event_id"),
                PaymentOutcome.Kind.valueOf(rs.getString("outcome")), Jdbc.uuid(rs, "renewal_id"),
                rs.getString("reason")), eventId);
    }

    /** Genuine payments that renewed nothing, newest first. */
    public List<UnmatchedPayment> unmatched(int page, int size) {
        return jdbc.list("select * from payment_notification where outcome = ?"
                + " order by received_at desc, provider_event_id limit ? offset ?",
                rs -> new UnmatchedPayment(rs.getString("provider_event_id"), Jdbc.instant(rs, "received_at"),
                        rs.getString("payment_reference"), rs.getBigDecimal("amount"), rs.getString("currency"),
                        Jdbc.uuid(rs, "renewal_id"), rs.getString("reason")),
                PaymentOutcome.Kind.UNMATCHED, size, (long) page * size);
    }

    public long countUnmatched() {
        return jdbc.one("select count(*) from payment_notification where outcome = ?", rs -> rs.getLong(1),
                PaymentOutcome.Kind.UNMATCHED).orElse(0L);
    }

    private PendingRenewal pendingRenewal(ResultSet rs) throws SQLException {
        return new PendingRenewal(Jdbc.uuid(rs, "renewal_id"), rs.getString("certificant_id"),
                RenewalStatus.valueOf(rs.getString("status")), Jdbc.date(rs, "requested_on"),
                Jdbc.instant(rs, "requested_at"), Jdbc.instant(rs, "expires_at"), rs.getString("submitted_by"),
                json.read(rs.getString("form"), RenewalRequest.class), json.read(rs.getString("quote"),
                RenewalQuote.class), rs.getString("payment_reference"));
    }
}
