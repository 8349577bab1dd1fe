package org.cecplatform.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.Audit;
import org.cecplatform.audit.domain.audit.AuditPolicy;
import org.cecplatform.audit.domain.audit.AuditState;
import org.cecplatform.audit.domain.audit.RenewalUnderAudit;
import org.cecplatform.audit.domain.audit.Selection;
import org.cecplatform.audit.domain.sampling.Draw;
import org.cecplatform.audit.domain.sampling.LevelYearPool;
import org.cecplatform.audit.domain.sampling.PoolEntry;
import org.cecplatform.audit.domain.sampling.PoolOpened;
import org.cecplatform.audit.domain.sampling.RenewalDrawn;
import org.cecplatform.audit.domain.sampling.SamplingPolicy;
import org.cecplatform.audit.domain.sampling.SeedSource;
import org.cecplatform.audit.persistence.AuditRepository;
import org.cecplatform.audit.persistence.PoolRepository;
import org.cecplatform.platform.api.Problem;
import org.cecplatform.platform.api.ProblemException;
import org.cecplatform.platform.persistence.ConflictRetry;
import org.jboss.logging.Logger;

/**
 * Puts renewals into their level-year pool, draws them, and opens the audits the draw selects; and opens audits that
 * staff select by hand.
 */
@ApplicationScoped
public class Sampler {

    private static final Logger LOG = Logger.getLogger(Sampler.class);

    private final PoolRepository pools;
    private final PoolStore poolStore;
    private final AuditRepository audits;
    private final EvidenceReader evidence;
    private final AuditStore store;
    private final SamplingPolicy sampling;
    private final AuditPolicy policy;
    private final SeedSource seeds;
    private final Clock clock;

    public Sampler(PoolRepository pools, PoolStore poolStore, AuditRepository audits, EvidenceReader evidence,
                   AuditStore store, SamplingPolicy sampling, AuditPolicy policy, SeedSource seeds, Clock clock) {
        this.pools = pools;
        this.poolStore = poolStore;
        this.audits = audits;
        this.evidence = evidence;
        this.store = store;
        this.sampling = sampling;
        this.policy = policy;
        this.seeds = seeds;
        this.clock = clock;
    }

    /**
     * A renewal enters its pool (once: a renewal seen before is ignored) and is drawn; when selected and still
     * auditable its audit opens. The pool is folded from its events and the draw appended to them (the pool's lock
     * numbers its renewals one at a time). Runs in the caller's transaction (the consumer's).
     */
    public Optional<Draw> enter(RenewalUnderAudit renewal) {
        if (pools.entry(renewal.renewalId()).isPresent()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        pools.lockPool(LevelYearPool.streamId(renewal.level(), renewal.year()));
        List<Object> events = new ArrayList<>();
        PoolStore.Loaded loaded = poolStore.load(renewal.level(), renewal.year()).orElseGet(() -> {
            // The first renewal of a level-year fixes its seed (drawn once, from a secure source) and its rate.
            PoolOpened opened = PoolOpened.of(renewal.level(), renewal.year(), seeds.newSeed(),
                    sampling.rateFor(renewal.level(), renewal.year()), now);
            events.add(opened);
            return PoolStore.opening(opened);
        });
        LevelYearPool pool = loaded.pool();
        Draw draw = pool.enter();
        LocalDate auditableUntil = policy.auditableUntil(renewal.renewedOn());
        events.add(RenewalDrawn.of(renewal, auditableUntil, draw, now));
        poolStore.append(loaded, events);
        if (draw.selected()) {
            if (policy.today(now).isAfter(auditableUntil)) {
                LOG.warnf("renewal %s was drawn but is no longer auditable (until %s); no audit opened",
                        renewal.renewalId(), auditableUntil);
            } else {
                Selection selection = Selection.random(pool.seed().fingerprint(), draw.ordinal(), draw.block(),
                        draw.position(), draw.blockSize(), draw.perBlock(), draw.offset());
                audits.lockPerson(renewal.certificantId());
                UUID auditId = UUID.randomUUID();
                store.create(Audit.open(policy, auditId, renewal, selection, evidence.of(renewal, auditId), now));
            }
        }
        return Optional.of(draw);
    }

    /** Staff select a renewal by hand while it is auditable. */
    public AuditState selectByHand(UUID renewalId, String staffMember) {
        return ConflictRetry.inNewTransaction(() -> {
            PoolEntry entry = pools.lockEntry(renewalId).orElseThrow(() -> ProblemException.rule("unknown-renewal",
                    "Unknown renewal", "No renewal " + renewalId + " has entered the audit pool.",
                    List.of(new Problem.Violation("renewalId", "is not a renewal known to the audit pool"))));
            audits.idOfRenewal(renewalId).ifPresent(existing -> {
                throw ProblemException.conflict("already-audited",
                        "Renewal " + renewalId + " already has an audit: " + existing + ".");
            });
            Instant now = clock.instant();
            if (policy.today(now).isAfter(entry.auditableUntil())) {
                throw ProblemException.conflict("not-auditable", "Renewal " + renewalId
                        + " is no longer auditable: renewals stay in the pool until " + entry.auditableUntil() + ".");
            }
            audits.lockPerson(entry.renewal().certificantId());
            UUID auditId = UUID.randomUUID();
            Audit audit = Audit.open(policy, auditId, entry.renewal(), Selection.manual(staffMember),
                    evidence.of(entry.renewal(), auditId), now);
            store.create(audit);
            return audit.state();
        });
    }
}
