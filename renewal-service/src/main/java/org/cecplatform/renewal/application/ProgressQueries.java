package org.cecplatform.renewal.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;
import org.cecplatform.renewal.domain.Certificant;
import org.cecplatform.renewal.domain.ExplainedProgress;
import org.cecplatform.renewal.domain.RenewalRulesHistory;
import org.cecplatform.renewal.persistence.CertificantRepository;

/**
 * A certification's progress with each ledger credit explained, with the rules in force on the day asked, exactly as
 * {@link CertificationQueries#progress} counts it.
 */
@ApplicationScoped
public class ProgressQueries {

    private final CertificantRepository certificants;
    private final RenewalRulesHistory rules;

    public ProgressQueries(CertificantRepository certificants, RenewalRulesHistory rules) {
        this.certificants = certificants;
        this.rules = rules;
    }

    /**
     * As of {@code today} (the caller's {@link CertificationQueries#today}), cycle {@code cycleNumber} (null: the
     * current one); empty when the person never held {@code credential} or has no such cycle. One round trip, no
     * transaction: it writes nothing.
     */
    public Optional<ExplainedProgress> explained(String certificantId, String credential, Integer cycleNumber,
                                                 LocalDate today) {
        CertificantRepository.WithCredits loaded = certificants.loadWithCredits(certificantId);
        return new Certificant(certificantId, loaded.certifications(), rules.on(today))
                .explainedProgress(credential, cycleNumber, today, loaded.credits());
    }
}
