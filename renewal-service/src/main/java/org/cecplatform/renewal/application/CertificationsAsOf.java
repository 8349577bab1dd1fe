package org.cecplatform.renewal.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cecplatform.renewal.domain.CertificationProgress;
import org.cecplatform.renewal.domain.RenewalRules;
import org.cecplatform.renewal.domain.RenewalRulesHistory;
import org.cecplatform.renewal.persistence.CreditRepository;

/**
 * A person's certifications as they stood at the end of a past day (policy zone), computed from what was known then
 * rather than from a stored copy: their stream up to that moment, the ledger credits earned (and not voided) by then,
 * and the rules in force that day. Statuses and figures are then what the live read ({@link CertificationQueries})
 * would have answered on that day.
 */
@ApplicationScoped
public class CertificationsAsOf {

    private final CertificantStream stream;
    private final CreditRepository credits;
    private final RenewalRulesHistory rules;

    public CertificationsAsOf(CertificantStream stream, CreditRepository credits, RenewalRulesHistory rules) {
        this.stream = stream;
        this.credits = credits;
        this.rules = rules;
    }

    /** Each certification the person held or had held by the end of {@code day}; none before their first event. */
    public List<CertificationProgress> progress(String certificantId, LocalDate day) {
        Instant endOfDay = day.plusDays(1).atStartOfDay(rules.zone()).toInstant();
        RenewalRules inForce = rules.on(day);
        return stream.asOf(certificantId, endOfDay, inForce).progress(day, credits.creditsAsOf(certificantId,
                endOfDay));
    }
}
