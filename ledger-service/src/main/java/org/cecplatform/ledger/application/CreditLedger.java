package org.cecplatform.ledger.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.cecplatform.ledger.domain.Credit;
import org.cecplatform.ledger.domain.CreditAlreadyVoidedException;
import org.cecplatform.ledger.domain.CreditClaim;
import org.cecplatform.ledger.domain.CreditRules;
import org.cecplatform.ledger.domain.IntakeCredit;
import org.cecplatform.ledger.domain.InvalidCreditException;
import org.cecplatform.ledger.domain.LedgerPolicyHistory;
import org.cecplatform.ledger.domain.RuleViolation;
import org.cecplatform.ledger.domain.Source;
import org.cecplatform.ledger.persistence.CreditRepository;
import org.cecplatform.ledger.persistence.CreditWriter;
import org.cecplatform.ledger.persistence.IdempotencyKeys;
import org.cecplatform.ledger.persistence.LedgerLocks;
import org.cecplatform.platform.outbox.ConcurrencyConflictException;
import org.cecplatform.platform.outbox.EventLog;
import org.cecplatform.platform.persistence.ConflictRetry;
import org.cecplatform.platform.persistence.DataAccessException;

/**
 * The ledger's write side. Every change appends its event (CECEarned, CECVoided) to the person's stream and updates
 * the credit read model in one transaction; the outbox relay publishes after commit. Writers of one person are
 * serialised by a transaction lock, and the per-person sequence is the optimistic check behind it: a conflict is
 * retried from the start.
 */
@ApplicationScoped
public class CreditLedger {

    /** How a claim was answered: recorded now, or the replay of an earlier request with the same key. */
    public record ClaimResult(Credit credit, boolean replayed) {
    }

    /** An {@code Idempotency-Key} and the hash of the request that carries it. */
    public record Idempotency(String key, String requestHash) {
    }

    /** What posting an integration credit did. */
    public enum PostOutcome {
        RECORDED,
        /** The same completion with the same content was recorded before: nothing new. */
        ALREADY_RECORDED,
        /** The id was recorded before with different content: the first one stands. */
        CONFLICTING_CONTENT
    }

    private final EventLog eventLog;
    private final CreditWriter writer;
    private final CreditRepository credits;
    private final LedgerLocks locks;
    private final IdempotencyKeys keys;
    private final CreditRules rules;
    private final LedgerPolicyHistory policy;
    private final Clock clock;

    public CreditLedger(EventLog eventLog, CreditWriter writer, CreditRepository credits, LedgerLocks locks,
                        IdempotencyKeys keys, CreditRules rules, LedgerPolicyHistory policy, Clock clock) {
        this.eventLog = eventLog;
        this.writer = writer;
        this.credits = credits;
        this.locks = locks;
        this.keys = keys;
        this.rules = rules;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Records a self-reported or staff-entered credit, or answers with the credit an earlier identical request
     * recorded. Throws {@link InvalidCreditException} listing every broken rule, {@link IdempotencyKeyReusedException}
     * when the key came with another request; nothing is recorded then.
     */
    public ClaimResult claim(String certificantId, Source source, CreditClaim claim, String recordedBy,
                             Idempotency idempotency) {
        return ConflictRetry.inNewTransaction(() -> {
            locks.lockLedgerOf(certificantId);
            if (idempotency != null) {
                var first = keys.find(certificantId, idempotency.key());
                if (first.isPresent()) {
                    if (!first.get().requestHash().equals(idempotency.requestHash())) {
                        throw new IdempotencyKeyReusedException(idempotency.key());
                    }
                    return new ClaimResult(credits.findInLedger(certificantId, first.get().creditId()).orElseThrow(),
                            true);
                }
            }
            CreditRules.Checked checked = rules.check(claim, today());
            if (!checked.accepted()) {
                throw new InvalidCreditException(checked.violations());
            }
            Credit credit = Credit.claimed(UUID.randomUUID(), certificantId, source, checked.details(),
                    now(), recordedBy);
            long sequence = eventLog.append(eventLog.currentSequence(certificantId),
                    List.of(EventPayloads.earned(credit)));
            writer.insert(new CreditWriter.NewCredit(credit, sequence, null));
            if (idempotency != null) {
                remember(certificantId, idempotency, credit);
            }
            return new ClaimResult(credit, false);
        });
    }

    /**
     * Posts a verified integration credit inside the consumer's transaction. The credit id is derived from the
     * external id, so a redelivery finds the first credit instead of making a second.
     */
    public PostOutcome post(IntakeCredit intake, String recordedBy) {
        return postAll(List.of(intake), recordedBy).get(0);
    }

    /**
     * {@link #post} for a batch of intake credits in one transaction and a handful of statements (lock the people,
     * read existing credits and sequences, append the events, insert the credits), with the same outcome, credit by
     * credit in list order, as posting them one by one.
     */
    public List<PostOutcome> postAll(List<IntakeCredit> intakes, String recordedBy) {
        Set<String> people = new TreeSet<>();
        Set<UUID> ids = new HashSet<>();
        for (IntakeCredit intake : intakes) {
            people.add(intake.certificantId());
            ids.add(intake.creditId());
        }
        locks.lockLedgersOf(people);
        Map<UUID, String> known = writer.contentHashes(ids);
        Map<String, Long> sequences = eventLog.currentSequences(people);
        List<PostOutcome> outcomes = new ArrayList<>(intakes.size());
        List<EventLog.Append> appends = new ArrayList<>();
        List<CreditWriter.NewCredit> rows = new ArrayList<>();
        for (IntakeCredit intake : intakes) {
            String hash = intake.contentHash();
            if (known.containsKey(intake.creditId())) {
                outcomes.add(hash.equals(known.get(intake.creditId()))
                        ? PostOutcome.ALREADY_RECORDED
                        : PostOutcome.CONFLICTING_CONTENT);
                continue;
            }
            Credit credit = Credit.posted(intake, now(), recordedBy);
            long sequence = sequences.merge(intake.certificantId(), 1L, Long::sum);
            appends.add(new EventLog.Append(sequence - 1, List.of(EventPayloads.earned(credit))));
            rows.add(new CreditWriter.NewCredit(credit, sequence, hash));
            known.put(intake.creditId(), hash);
            outcomes.add(PostOutcome.RECORDED);
        }
        eventLog.appendAll(appends);
        writer.insertAll(rows);
        return outcomes;
    }

    /** Voids a person's credit (staff). Throws {@link CreditNotFoundException} and {@link CreditAlreadyVoidedException}. */
    public Credit voidCredit(String certificantId, UUID creditId, String reason, String voidedBy) {
        List<RuleViolation> violations = Credit.checkVoidReason(reason);
        if (!violations.isEmpty()) {
            throw new InvalidCreditException(violations);
        }
        return ConflictRetry.inNewTransaction(() -> {
            locks.lockLedgerOf(certificantId);
            Credit credit = credits.findInLedger(certificantId, creditId)
                    .orElseThrow(() -> new CreditNotFoundException(certificantId, creditId));
            Credit voided = credit.voidedBecause(reason, voidedBy, now());
            eventLog.append(eventLog.currentSequence(certificantId), List.of(EventPayloads.voided(voided)));
            writer.markVoided(voided);
            return voided;
        });
    }

    /** Today in the policy zone: the day whose policy version judges a credit. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(policy.zone()));
    }

    private void remember(String certificantId, Idempotency idempotency, Credit credit) {
        try {
            keys.remember(certificantId, idempotency.key(), idempotency.requestHash(), credit.creditId(),
                    credit.recordedAt());
        } catch (DataAccessException e) {
            if (e.isUniqueViolation()) {
                // A concurrent request with the same key won: start again, and answer with its credit.
                throw new ConcurrencyConflictException(certificantId, 0, e);
            }
            throw e;
        }
    }

    /** The service time at the database's precision, so what is answered, stored and published is the same. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
