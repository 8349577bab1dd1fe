package org.cecplatform.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.Audit;
import org.cecplatform.audit.domain.audit.AuditPolicy;
import org.cecplatform.audit.domain.audit.AuditState;
import org.cecplatform.audit.domain.audit.Evidence;
import org.cecplatform.audit.domain.audit.ProofDocument;
import org.cecplatform.audit.domain.sampling.Draw;
import org.cecplatform.audit.domain.sampling.LevelYearPool;
import org.cecplatform.audit.domain.sampling.PoolEntry;
import org.cecplatform.audit.domain.sampling.PoolSummary;
import org.cecplatform.audit.persistence.AuditFilter;
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

    public AuditQueries(AuditRepository audits, DocumentRepository documents, EvidenceReader evidence,
                        PoolRepository entries, SamplingPoolRepository pools, AuditPolicy policy) {
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

    /** The audit queue, newest first: by status, credential level and pool year (null: any). */
    public Page queue(String status, String credential, Integer year, int page, int size) {
        return page(new AuditFilter(status, credential, year, null), page, size);
    }

    /** A person's audits, newest first. */
    public Page ofCertificant(String certificantId, int page, int size) {
        return page(AuditFilter.ofCertificant(certificantId), page, size);
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

    private Page page(AuditFilter filter, int page, int size) {
        List<AuditDetails> found = audits.page(filter, page, size).stream().map(this::details).toList();
        return new Page(found, audits.count(filter));
    }

    private AuditDetails details(AuditState state) {
        Audit audit = Audit.restore(policy, state);
        Evidence proof = evidence.of(state.renewal(), state.auditId());
        return new AuditDetails(state, audit.verifiedCecs(proof), audit.acceptedCecs(proof),
                documents.ofAudit(state.auditId()));
    }
}
