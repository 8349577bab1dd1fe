package org.cecplatform.renewal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.cecplatform.platform.api.CertificantIds;
import org.cecplatform.platform.persistence.ConflictRetry;
import org.cecplatform.renewal.config.PaymentSettings;
import org.cecplatform.renewal.domain.Certificant;
import org.cecplatform.renewal.domain.Payment;
import org.cecplatform.renewal.domain.PendingRenewal;
import org.cecplatform.renewal.domain.RenewalQuote;
import org.cecplatform.renewal.domain.RenewalStatus;
import org.cecplatform.renewal.domain.Certification;
import org.cecplatform.renewal.domain.Renewal;
import org.cecplatform.renewal.domain.RenewalRequest;
import org.cecplatform.renewal.domain.RenewalRulesHistory;
import org.cecplatform.renewal.domain.RequirementsUnmetException;
import org.cecplatform.renewal.domain.Violation;
import org.cecplatform.renewal.persistence.CertificantRepository;
import org.cecplatform.renewal.persistence.CreditRepository;
import org.cecplatform.renewal.persistence.PaymentRepository;

/**
 * Every change to a person's certifications: under the person's lock, fold the aggregate from their stream, decide,
 * and append the events (projected into the read tables) in the same transaction (the outbox relay publishes them
 * after commit). "Now" and "today" come
 * from the service clock, today in the policy zone; the person is judged by the rules in force today (a renewal: the
 * day it is requested).
 */
@ApplicationScoped
public class CertificationCommands {

    private final CertificantRepository certificants;
    private final CreditRepository credits;
    private final CertificantStream stream;
    private final RenewalRulesHistory rules;
    private final PaymentRepository payments;
    private final PaymentSettings settings;
    private final Clock clock;

    public CertificationCommands(CertificantRepository certificants, CreditRepository credits,
                                 CertificantStream stream, RenewalRulesHistory rules, PaymentRepository payments,
                                 PaymentSettings settings, Clock clock) {
        this.certificants = certificants;
        this.payments = payments;
        this.settings = settings;
        this.credits = credits;
        this.stream = stream;
        this.rules = rules;
        this.clock = clock;
    }

    /** The context a command decides in: the person as loaded, now, and today in the policy zone. */
    public record Context(Certificant person, Instant now, LocalDate today) {
    }

    /**
     * Grants a certification. The certificant id must be one ({@link CertificantIds}, SPEC §6): anything else is
     * refused with every other violation of the grant, before anything is read or saved.
     */
    public Certification grant(String certificantId, String credential, LocalDate certifiedOn, String grantedBy) {
        if (!CertificantIds.isValid(certificantId)) {
            List<Violation> violations = new ArrayList<>();
            violations.add(new Violation("certificantId", (certificantId == null ? "is required: " : "")
                    + CertificantIds.RULE));
            LocalDate today = rules.dateOf(clock.instant());
            violations.addAll(Certificant.grantViolations(credential, certifiedOn, today, rules.on(today)));
            throw new RequirementsUnmetException("The certification cannot be granted.", violations);
        }
        return ConflictRetry.inNewTransaction(() -> inPersonsTransaction(certificantId, ctx ->
                ctx.person().grant(UUID.randomUUID(), credential, certifiedOn, ctx.today(), grantedBy, ctx.now())));
    }

    /** An {@code Idempotency-Key} and the hash of the request that carries it. */
    public record Idempotency(String key, String requestHash) {
    }

    /**
     * Checks a renewal request against every requirement but the payment and, when all are met, records it as a
     * renewal waiting for the provider to confirm its fee (SPEC §6), and appends {@code RenewalPaymentRequested} with it. The same {@code Idempotency-Key} with the same
     * request answers the renewal it created; with another request it is refused.
     *
     * @throws RequirementsUnmetException listing every unmet requirement (nothing is recorded)
     */
    public PendingRenewal requestRenewal(String certificantId, RenewalRequest request, String submittedBy,
                                         Idempotency idempotency) {
        return ConflictRetry.inNewTransaction(() -> inPersonsTransaction(certificantId, ctx -> {
            if (idempotency != null) {
                Optional<PaymentRepository.FirstRequest> first = payments.firstRequest(certificantId,
                        idempotency.key());
                if (first.isPresent()) {
                    if (!first.get().requestHash().equals(idempotency.requestHash())) {
                        throw new IdempotencyKeyReusedException(idempotency.key());
                    }
                    return payments.pending(first.get().renewalId()).orElseThrow();
                }
            }
            RenewalRequest form = new RenewalRequest(request.credentials(), request.attestedCecs(),
                    request.acknowledged(), request.cpr(), null);
            RenewalQuote quote = ctx.person().checkRenewal(form, ctx.today(), ctx.now());
            PendingRenewal pending = new PendingRenewal(UUID.randomUUID(), certificantId, RenewalStatus.PENDING,
                    ctx.today(), ctx.now(), ctx.now().plus(settings.pendingFor()), submittedBy, form, quote,
                    PaymentReferences.next());
            payments.insert(pending, idempotency == null ? null : idempotency.key(),
                    idempotency == null ? "" : idempotency.requestHash());
            ctx.person().awaitPayment(pending);
            return pending;
        }));
    }

    /**
     * Expires a renewal request whose time ran out by now, inside the caller's transaction and under the person's
     * lock: it is marked EXPIRED and {@code PendingRenewalExpired} is appended with it, once. False (nothing done) when
     * it was paid, expired already or still has time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean expire(String certificantId, UUID renewalId) {
        return inPersonsTransaction(certificantId, ctx -> {
            PendingRenewal pending = payments.pending(renewalId).orElseThrow();
            if (pending.status() != RenewalStatus.PENDING || !pending.expiredAt(ctx.now())) {
                return false;
            }
            payments.settle(renewalId, RenewalStatus.EXPIRED, ctx.now());
            ctx.person().pendingRenewalExpired(pending, ctx.now());
            return true;
        });
    }

    /**
     * Renews (or reinstates) a pending renewal with the payment the provider confirmed, inside the caller's
     * transaction: judged on the day it was requested (kind, fee, counting window, CPR card), recorded now. Its events
     * are appended with it; nothing is recorded when a requirement no longer holds (the person's record changed
     * since the request), and the caller's transaction goes on.
     *
     * @throws RequirementsUnmetException listing what no longer holds, or that the payment is not exactly the fee
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RequirementsUnmetException.class)
    public Renewal completeRenewal(PendingRenewal pending, Payment confirmed) {
        return inPersonsTransaction(pending.certificantId(), pending.requestedOn(), ctx ->
                ctx.person().renew(pending.renewalId(), pending.paidWith(confirmed), ctx.today(), ctx.now(),
                        credits.creditsOf(pending.certificantId()), pending.submittedBy()));
    }

    /**
     * Applies what an audit event found inside the consumer's transaction (the consumer deduplicates on the event
     * id): the replacement credits are recorded (first audit wins) before the status outcome.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(AuditFindings findings) {
        AuditFindings.ReplacementCredits replacements = findings.replacements();
        if (replacements != null) {
            credits.countedTowardAuditedCycle(replacements.auditId(), replacements.renewalId(),
                    replacements.decidedAt(), replacements.creditIds());
        }
        if (findings.outcome() != null) {
            apply(findings.outcome());
        }
    }

    /** Applies an audit outcome inside the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(AuditOutcome outcome) {
        inPersonsTransaction(outcome.certificantId(), ctx -> {
            Certificant person = ctx.person();
            List<UUID> certificationIds = outcome.renewalId() == null ? List.of()
                    : person.certificationsRenewedBy(outcome.renewalId());
            switch (outcome.kind()) {
                case OVERDUE -> person.auditOverdue(outcome.auditId(), certificationIds, outcome.credentials(),
                        ctx.today(), ctx.now());
                case CURED -> person.auditCured(outcome.auditId(), certificationIds, outcome.credentials(),
                        ctx.today(), ctx.now());
                case FAILED -> person.auditFailed(outcome.auditId(), certificationIds, outcome.credentials(),
                        outcome.reason(), ctx.today(), ctx.now());
            }
            return null;
        });
    }

    /** Moves one person's statuses along the calendar; returns how many status changes were published. */
    public int settle(String certificantId) {
        return ConflictRetry.inNewTransaction(() -> inPersonsTransaction(certificantId, ctx -> {
            ctx.person().settle(ctx.today(), ctx.now());
            return ctx.person().changes().size();
        }));
    }

    private <T> T inPersonsTransaction(String certificantId, Function<Context, T> command) {
        return inPersonsTransaction(certificantId, null, command);
    }

    /**
     * Locks the person, folds their stream, runs the command and saves what it changed (events appended after the
     * last one folded, and projected), all in the caller's transaction.
     *
     * @param judgedOn the day the person is judged on (by that day's rules); null: today
     */
    private <T> T inPersonsTransaction(String certificantId, LocalDate judgedOn, Function<Context, T> command) {
        certificants.lock(certificantId);
        Instant now = clock.instant();
        LocalDate today = judgedOn != null ? judgedOn : rules.dateOf(now);
        CertificantStream.Loaded loaded = stream.load(certificantId, rules.on(today));
        T result = command.apply(new Context(loaded.person(), now, today));
        stream.save(loaded);
        return result;
    }
}
