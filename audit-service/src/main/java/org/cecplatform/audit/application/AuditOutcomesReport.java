package org.cecplatform.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cecplatform.audit.domain.audit.AuditOutcomes;
import org.cecplatform.audit.domain.audit.AuditPolicy;
import org.cecplatform.audit.domain.audit.Selection;
import org.cecplatform.audit.domain.sampling.SamplingPolicy;
import org.cecplatform.audit.persistence.AuditOutcomesRepository;

/**
 * Where a year's audits ended, per level and per way of selection (random draw, hand selection), as an accreditor
 * asks for it: read from the audit queue in one query, every audited level listed (with zeros when it had none).
 */
@ApplicationScoped
public class AuditOutcomesReport {

    /** One level's audits of the year: those the draw opened and those staff selected by hand. */
    public record LevelOutcomes(AuditOutcomes random, AuditOutcomes byHand) {

        public AuditOutcomes all() {
            return random.plus(byHand);
        }
    }

    /**
     * @param asOf   the service's today (policy zone): the open, overdue and in-progress counts stand as of this day
     * @param levels per audited level, in the policy's order
     */
    public record Report(int year, LocalDate asOf, Map<String, LevelOutcomes> levels) {

        public AuditOutcomes all() {
            return levels.values().stream().map(LevelOutcomes::all).reduce(AuditOutcomes.NONE, AuditOutcomes::plus);
        }
    }

    private final AuditOutcomesRepository outcomes;
    private final SamplingPolicy sampling;
    private final AuditPolicy policy;
    private final Clock clock;

    public AuditOutcomesReport(AuditOutcomesRepository outcomes, SamplingPolicy sampling, AuditPolicy policy,
                               Clock clock) {
        this.outcomes = outcomes;
        this.sampling = sampling;
        this.policy = policy;
        this.clock = clock;
    }

    /** The audits of the renewals of {@code year} (the pool year, as in the sampling report). */
    public Report of(int year) {
        Map<String, AuditOutcomes> random = new LinkedHashMap<>();
        Map<String, AuditOutcomes> byHand = new LinkedHashMap<>();
        for (AuditOutcomesRepository.Counted row : outcomes.ofYear(year)) {
            (row.method() == Selection.Method.RANDOM ? random : byHand).put(row.level(), row.outcomes());
        }
        Map<String, LevelOutcomes> levels = new LinkedHashMap<>();
        for (String level : sampling.levels()) {
            levels.put(level, new LevelOutcomes(random.getOrDefault(level, AuditOutcomes.NONE),
                    byHand.getOrDefault(level, AuditOutcomes.NONE)));
        }
        return new Report(year, policy.today(clock.instant()), levels);
    }
}
