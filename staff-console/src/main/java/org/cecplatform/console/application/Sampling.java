package org.cecplatform.console.application;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The audit-service's sampling report and audit outcomes of a year, side by side per level, and a renewal's draw.
 * Throws {@link ServiceProblem} when the service refuses (a year that is no calendar year, an auditor asking for a
 * draw, a renewal in no pool).
 */
@ApplicationScoped
public class Sampling {

    private final SamplingApi audit;

    public Sampling(@RestClient SamplingApi audit) {
        this.audit = audit;
    }

    /**
     * The year the services are in now, by the audit-service's clock (which the local stack can move). The clock gives
     * an instant and the policy zone makes it a day: the outcomes report's {@code asOf} is that day, so near New Year
     * the year of the instant in UTC is corrected by it.
     */
    public SamplingYear current() {
        int guess = audit.clock().now().atOffset(ZoneOffset.UTC).getYear();
        SamplingYear year = of(guess);
        return year.asOf().getYear() == guess ? year : of(year.asOf().getYear());
    }

    public SamplingYear of(int year) {
        SamplingApi.Report report = audit.report(year);
        SamplingApi.OutcomesReport outcomes = audit.outcomes(year);
        Map<String, SamplingApi.LevelOutcomes> outcomesByLevel = outcomes.levels().stream()
                .collect(Collectors.toMap(SamplingApi.LevelOutcomes::credential, Function.identity()));
        List<SamplingYear.LevelFigures> levels = report.levels().stream()
                .map(l -> new SamplingYear.LevelFigures(l.credential(), l.renewals(), l.selected(), l.rate(), l.target(),
                        l.handSelected(), outcomesByLevel.get(l.credential())))
                .toList();
        return new SamplingYear(report.year(), outcomes.asOf(), levels, outcomes.all());
    }

    /** The renewal's recorded draw and its recomputation from the seed (staff only). */
    public SamplingApi.Draw draw(UUID renewalId) {
        return audit.draw(renewalId);
    }
}
