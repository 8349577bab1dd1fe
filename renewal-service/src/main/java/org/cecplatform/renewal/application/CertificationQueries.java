package org.cecplatform.renewal.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.cecplatform.renewal.domain.Certificant;
import org.cecplatform.renewal.domain.CertificationProgress;
import org.cecplatform.renewal.domain.RenewalQuote;
import org.cecplatform.renewal.domain.RenewalRulesHistory;
import org.cecplatform.renewal.persistence.CertificantRepository;

/**
 * Reads of a person's certifications. Statuses and eligibility are computed for today (service clock, policy zone),
 * so a read is right even when the status job has not run yet; the job records and publishes the changes. They use
 * the rules in force today: a quote prices a renewal requested now, progress shows today's requirement.
 */
@ApplicationScoped
public class CertificationQueries {

    private final CertificantRepository certificants;
    private final RenewalRulesHistory rules;
    private final Clock clock;

    public CertificationQueries(CertificantRepository certificants, RenewalRulesHistory rules, Clock clock) {
        this.certificants = certificants;
        this.rules = rules;
        this.clock = clock;
    }

    public LocalDate today() {
        return rules.dateOf(clock.instant());
    }

    /** One round trip to the database and no transaction: this is the hottest read, and it writes nothing. */
    public List<CertificationProgress> progress(String certificantId) {
        LocalDate today = today();
        CertificantRepository.WithCredits loaded = certificants.loadWithCredits(certificantId);
        return new Certificant(certificantId, loaded.certifications(), rules.on(today)).progress(today,
                loaded.credits());
    }

    public RenewalQuote quote(String certificantId, List<String> credentials) {
        LocalDate today = today();
        return QuarkusTransaction.requiringNew().call(() -> person(certificantId, today).quote(credentials, today));
    }

    private Certificant person(String certificantId, LocalDate today) {
        return new Certificant(certificantId, certificants.load(certificantId), rules.on(today));
    }
}
