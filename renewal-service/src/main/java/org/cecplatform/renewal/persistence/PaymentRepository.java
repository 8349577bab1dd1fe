package org.cecplatform.renewal.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.renewal.domain.PaymentNotice;
import org.cecplatform.renewal.domain.PaymentOutcome;
import org.cecplatform.renewal.domain.PendingRenewal;
import org.cecplatform.renewal.domain.RenewalQuote;
import org.cecplatform.renewal.domain.RenewalRequest;
import org.cecplatform.renewal.domain.RenewalStatus;
import org.cecplatform.renewal.domain.UnmatchedPayment;

/** Renewal requests waiting for their payment, and every notification the payment provider sent. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PaymentRepository {

    /** The first request made with an {@code Idempotency-Key}: its hash and the renewal it created. */
    public record FirstRequest(String requestHash, UUID renewalId) {
    }

    private final Sql sql;
    private final ObjectMapper json;

    public PaymentRepository(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    // ------------------------------------------------------------------------------------------- pending renewals

    public void insert(PendingRenewal p, String idempotencyKey, String requestHash) {
        sql.update("insert into pending_renewal (renewal_id, certificant_id, status, requested_on, requested_at,"
                        + " expires_at, submitted_by, form, quote, amount, currency, payment_reference, idempotency_key,"
                        + " request_hash) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?)",
                p.renewalId(), p.certificantId(), p.status().name(), p.requestedOn(), p.requestedAt(), p.expiresAt(),
                p.submittedBy(), write(p.form()), write(p.quote()), p.paymentDue().amount(), p.paymentDue().currency(),
                p.paymentReference(), idempotencyKey, requestHash);
    }

    public Optional<FirstRequest> firstRequest(String certificantId, String idempotencyKey) {
        return sql.one("select request_hash, renewal_id from pending_renewal where certificant_id = ?"
                        + " and idempotency_key = ?",
                rs -> new FirstRequest(rs.getString("request_hash"), Sql.uuid(rs, "renewal_id")),
                certificantId, idempotencyKey);
    }

    public Optional<PendingRenewal> pending(UUID renewalId) {
        return sql.one("select * from pending_renewal where renewal_id = ?", this::pendingRenewal, renewalId);
    }

    public Optional<PendingRenewal> pendingByReference(String reference) {
        return sql.one("select * from pending_renewal where payment_reference = ?", this::pendingRenewal, reference);
    }

    /** Sets the status of a renewal that is still PENDING; false when it was settled meanwhile. */
    public boolean settle(UUID renewalId, RenewalStatus to, Instant at) {
        return sql.update("update pending_renewal set status = ?, settled_at = ? where renewal_id = ?"
                + " and status = 'PENDING'", to.name(), at, renewalId) == 1;
    }

    /** Marks every pending renewal whose time ran out by {@code now} as EXPIRED; returns how many. */
    public int expireDue(Instant now) {
        return sql.update("update pending_renewal set status = 'EXPIRED', settled_at = ? where status = 'PENDING'"
                + " and expires_at <= ?", now, now);
    }

    /** A person's pending (unpaid, unexpired) renewal requests, newest first. */
    public List<PendingRenewal> pendingOf(String certificantId) {
        return sql.list("select * from pending_renewal where certificant_id = ? and status = 'PENDING'"
                + " order by requested_at desc, renewal_id", this::pendingRenewal, certificantId);
    }

    // ------------------------------------------------------------------------------------------- notifications

    /**
     * Claims a provider event id for this transaction; false when it was recorded before (a redelivery). A concurrent
     * delivery of the same id waits here until the first one commits, then reads false.
     */
    public boolean claim(PaymentNotice notice, Instant receivedAt, String body) {
        return sql.update("insert into payment_notification (provider_event_id, received_at, payment_status,"
                        + " payment_reference, amount, currency, outcome, body) values (?, ?, ?, ?, ?, ?, 'UNMATCHED', ?)"
                        + " on conflict (provider_event_id) do nothing",
                notice.eventId(), receivedAt, notice.status(), notice.reference(), notice.amount(), notice.currency(),
                body) == 1;
    }

    public void record(PaymentOutcome outcome) {
        sql.update("update payment_notification set outcome = ?, reason = ?, renewal_id = ? where provider_event_id = ?",
                outcome.outcome().name(), outcome.reason(), outcome.renewalId(), outcome.eventId());
    }

    public Optional<PaymentOutcome> outcomeOf(String eventId) {
        return sql.one("select provider_event_id, outcome, renewal_id, reason from payment_notification"
                        + " where provider_event_id = ?",
                rs -> new PaymentOutcome(rs.getString("provider_event_id"),
                        PaymentOutcome.Kind.valueOf(rs.getString("outcome")), Sql.uuid(rs, "renewal_id"),
                        rs.getString("reason")), eventId);
    }

    public List<UnmatchedPayment> unmatched(int page, int size) {
        return sql.list("select * from payment_notification where outcome = 'UNMATCHED'"
                + " order by received_at desc, provider_event_id limit ? offset ?", rs -> new UnmatchedPayment(
                rs.getString("provider_event_id"), Sql.instant(rs, "received_at"), rs.getString("payment_reference"),
                rs.getBigDecimal("amount"), rs.getString("currency"), Sql.uuid(rs, "renewal_id"),
                rs.getString("reason")), size, (long) page * size);
    }

    public long countUnmatched() {
        return sql.one("select count(*) from payment_notification where outcome = 'UNMATCHED'", rs -> rs.getLong(1))
                .orElse(0L);
    }

    // ------------------------------------------------------------------------------------------- rows

    private PendingRenewal pendingRenewal(ResultSet rs) throws SQLException {
        return new PendingRenewal(Sql.uuid(rs, "renewal_id"), rs.getString("certificant_id"),
                RenewalStatus.valueOf(rs.getString("status")), Sql.date(rs, "requested_on"),
                Sql.instant(rs, "requested_at"), Sql.instant(rs, "expires_at"), rs.getString("submitted_by"),
                read(rs.getString("form"), RenewalRequest.class), read(rs.getString("quote"), RenewalQuote.class),
                rs.getString("payment_reference"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not read a stored " + type.getSimpleName(), e);
        }
    }
}
