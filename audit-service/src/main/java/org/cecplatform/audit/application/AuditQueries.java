package org.cecplatform.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.Audit;
import org.cecplatform.audit.domain.audit.AuditPolicy;
import org.cecplatform.audit.domain.audit.AuditState;
import org.cecplatform.audit.domain.audit.AuditStatus;
import org.cecplatform.audit.domain.audit.Evidence;
import org.cecplatform.audit.domain.audit.ProofDocument;
import org.cecplatform.audit.domain.sampling.Draw;
import org.cecplatform.audit.domain.sampling.LevelYearPool;
import org.cecplatform.audit.domain.sampling.PoolEntry;
import org.cecplatform.audit.domain.sampling.PoolSummary;
import org.cecplatform.audit.persistence.AuditFilter;
import org.cecplatform.audit.persistence.AuditOrder;
import org.cecplatform.audit.persistence.AuditRepository;
import org.cecplatform.audit.persistence.DocumentRepository;
import org.cecplatform.audit.persistence.PoolRepository;
import org.cecplatform.audit.persistence.SamplingPoolRepository;

/**
 * Read side: audits as stored, their documents and verified CECs, the pools and their draws. Each read is a
 * transaction of its own, so what it reads is what the commands before it committed (a request that changes an audit
 * and then shows it sees the change).
 */
@ApplicationScoped
@Transactional
public class AuditQueries {

    /**
     * An audit with what the API shows next to it.
     *
     * @param verifiedCecs the verified ledger credits that count for it (caps applied)
     * @param acceptedCecs what counts as accepted now: verified credits and accepted items, each credit once, caps
     *                     applied; {@code PASSED} needs it to reach the requirement
     */
    public record AuditDetails(AuditState state, BigDecimal verifiedCecs, BigDecimal acceptedCecs,
                               List<ProofDocument> documents) {
    }

    public record Page(List<AuditDetails> audits, long total) {
    }

    /**
     * A page of the audit queue, the day its deadlines were judged on (the service's today in the policy zone) and
     * how many audits each status has under the same filters but the status.
     */
    public record QueuePage(List<AuditDetails> audits, long total, LocalDate today, Map<AuditStatus, Long> counts) {
    }

    /**
     * The audit queue's filters (null: any; {@code dueWithinDays} counts from the service's today) and its order:
     * newest first, or by due date (overdue first, then soonest due).
     */
    public record QueueFilter(String status, String credential, Integer year, Integer dueWithinDays,
                              boolean byDueDate) {
    }

    /** A renewal's recorded draw, the draw recomputed from the seed, and whether the two are the same. */
    public record DrawCheck(PoolEntry entry, PoolSummary pool, Draw recomputed, boolean reproduced,
                            Optional<UUID> auditId) {
    }

    private final AuditRepository audits;
    private final DocumentRepository documents;
    private final EvidenceReader evidence;
    private final PoolRepository entries;
    private final SamplingPoolRepository pools;
    private final AuditPolicy policy;
    private final Clock clock;

    public AuditQueries(AuditRepository audits, DocumentRepository documents, EvidenceReader evidence,
                        PoolRepository entries, SamplingPoolRepository pools, AuditPolicy policy, Clock clock) {
        this.clock = clock;
        this.audits = audits;
        this.documents = documents;
        this.evidence = evidence;
        this.entries = entries;
        this.pools = pools;
        this.policy = policy;
    }

    public Optional<AuditState> state(UUID auditId) {
        return audits.stateOf(auditId);
    }

    public Optional<AuditDetails> details(UUID auditId) {
        return state(auditId).map(this::details);
    }

    /** The audit queue, filtered, newest first or soonest due first. */
    public QueuePage queue(QueueFilter wanted, int page, int size) {
        LocalDate today = policy.today(clock.instant());
        LocalDate dueBy = wanted.dueWithinDays() == null ? null : today.plusDays(wanted.dueWithinDays());
        AuditFilter filter = new AuditFilter(wanted.status(), wanted.credential(), wanted.year(), null, dueBy);
        Page found = page(filter, wanted.byDueDate() ? AuditOrder.DUE : AuditOrder.NEWEST, page, size);
        Map<String, Long> stored = audits.countByStatus(filter.anyStatus());
        Map<AuditStatus, Long> counts = new EnumMap<>(AuditStatus.class);
        for (AuditStatus status : AuditStatus.values()) {
            counts.put(status, stored.getOrDefault(status.name(), 0L));
        }
        return new QueuePage(found.audits(), found.total(), today, counts);
    }

    /** A person's audits, newest first. */
    public Page ofCertificant(String certificantId, int page, int size) {
        return page(AuditFilter.ofCertificant(certificantId), AuditOrder.NEWEST, page, size);
    }

    public List<PoolSummary> poolsOf(int year) {
        return pools.poolsOf(year);
    }

    public Map<String, Long> handSelected(int year) {
        return audits.handSelectedByLevel(year);
    }

    public Optional<DrawCheck> draw(UUID renewalId) {
        return entries.entry(renewalId).map(entry -> {
            Draw recorded = entry.draw();
            PoolSummary pool = pools.pool(recorded.level(), recorded.year()).orElseThrow();
            Draw again = LevelYearPool.reproduce(pool.seed(), recorded.level(), recorded.year(), pool.rate(),
                    recorded.ordinal());
            return new DrawCheck(entry, pool, again, again.equals(recorded), audits.idOfRenewal(renewalId));
        });
    }

    /** The certificant whose renewal this is, if it has entered the audit pool. */
    public Optional<String> certificantOfRenewal(UUID renewalId) {
        return entries.entry(renewalId).map(entry -> entry.renewal().certificantId());
    }

    private Page page(AuditFilter filter, AuditOrder order, int page, int size) {
        List<AuditDetails> found = audits.page(filter, order, page, size).stream().map(this::details).toList();
        return new Page(found, audits.count(filter));
    }

    private AuditDetails details(AuditState state) {
        Audit audit = Audit.restore(policy, state);
        Evidence proof = evidence.of(state.renewal(), state.auditId());
        return new AuditDetails(state, audit.verifiedCecs(proof), audit.acceptedCecs(proof),
                documents.ofAudit(state.auditId()));
    }
}
