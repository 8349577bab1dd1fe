package org.cecplatform.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.Evidence;
import org.cecplatform.audit.domain.audit.RenewalUnderAudit;
import org.cecplatform.audit.persistence.AuditRepository;
import org.cecplatform.audit.persistence.CreditRepository;
import org.cecplatform.audit.persistence.PoolRepository;
import org.cecplatform.policy.counting.CountingRules;

/** Reads what the audit rules need beside the audit: the person's ledger, their other audits' claims, the caps. */
@ApplicationScoped
public class EvidenceReader {

    private final CreditRepository credits;
    private final AuditRepository audits;
    private final PoolRepository pools;
    private final CountingRules counting;

    public EvidenceReader(CreditRepository credits, AuditRepository audits, PoolRepository pools,
                          CountingRules counting) {
        this.credits = credits;
        this.audits = audits;
        this.pools = pools;
        this.counting = counting;
    }

    /** The evidence for the audit {@code auditId} (or a new one) of {@code renewal}. */
    public Evidence of(RenewalUnderAudit renewal, UUID auditId) {
        return new Evidence(credits.ledgerOf(renewal.certificantId()),
                audits.creditsAcceptedElsewhere(renewal.certificantId(), auditId),
                counting.counterOn(renewal.renewedOn()),
                pools.countedByLaterRenewalsUntil(renewal.certificantId(), renewal.renewedOn()).orElse(null));
    }

    /**
     * The evidence as it stood before {@code until}, with the credits the person's other audits had claimed by then
     * ({@code acceptedElsewhere}, from their streams): the ledger's credits recorded and voided by then, the later
     * renewals that had entered the pools by then.
     */
    public Evidence asOf(RenewalUnderAudit renewal, Map<UUID, UUID> acceptedElsewhere, Instant until) {
        return new Evidence(credits.ledgerOf(renewal.certificantId(), until), acceptedElsewhere,
                counting.counterOn(renewal.renewedOn()),
                pools.countedByLaterRenewalsUntil(renewal.certificantId(), renewal.renewedOn(), until).orElse(null));
    }
}
