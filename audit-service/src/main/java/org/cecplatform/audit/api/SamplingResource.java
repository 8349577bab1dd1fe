package org.cecplatform.audit.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cecplatform.audit.application.AuditOutcomesReport;
import org.cecplatform.audit.application.AuditQueries;
import org.cecplatform.audit.domain.sampling.PoolSummary;
import org.cecplatform.audit.domain.sampling.SamplingPolicy;
import org.cecplatform.audit.domain.sampling.SamplingRate;
import org.cecplatform.platform.api.ProblemException;
import org.cecplatform.platform.security.Caller;
import org.cecplatform.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sampling")
@Tag(name = "sampling", description = "The random audit sampling: pools per credential level and year, draws")
@Produces(MediaType.APPLICATION_JSON)
public class SamplingResource {

    private final AuditQueries queries;
    private final AuditOutcomesReport outcomes;
    private final SamplingPolicy sampling;
    private final Caller caller;

    public SamplingResource(AuditQueries queries, AuditOutcomesReport outcomes, SamplingPolicy sampling,
                            Caller caller) {
        this.queries = queries;
        this.outcomes = outcomes;
        this.sampling = sampling;
        this.caller = caller;
    }

    @GET
    @Path("/{year}")
    @RolesAllowed({Roles.STAFF, Roles.AUDITOR})
    @Operation(operationId = "samplingReport", summary = "Per credential level of a year: renewals in the pool,"
            + " selected at random, the rate and"
            + " target (rate × renewals); staff also see the seed that reproduces the draws")
    @APIResponseSchema(Views.SamplingReport.class)
    @APIResponse(responseCode = "422", description = "not a calendar year")
    public Views.SamplingReport report(@PathParam("year") String yearText) {
        int year = year(yearText);
        Map<String, PoolSummary> pools = new java.util.HashMap<>();
        queries.poolsOf(year).forEach(p -> pools.put(p.level(), p));
        Map<String, Long> hand = queries.handSelected(year);
        boolean staff = caller.hasRole(Roles.STAFF);
        List<Views.SamplingLevel> levels = new ArrayList<>();
        for (String level : sampling.levels()) {
            PoolSummary pool = pools.get(level);
            // A pool keeps the rate it started the year with; a level without renewals shows the year's rate.
            SamplingRate rate = pool == null ? sampling.rateFor(level, year) : pool.rate();
            long renewals = pool == null ? 0 : pool.renewals();
            levels.add(new Views.SamplingLevel(level, renewals, pool == null ? 0 : pool.selected(),
                    rate.rate(), rate.rate().multiply(BigDecimal.valueOf(renewals)),
                    hand.getOrDefault(level, 0L), rate.perBlock(), rate.blockSize(),
                    pool == null ? null : pool.seed().fingerprint(),
                    pool != null && staff ? pool.seed().hex() : null));
        }
        return new Views.SamplingReport(year, levels);
    }

    @GET
    @Path("/{year}/outcomes")
    @RolesAllowed({Roles.STAFF, Roles.AUDITOR})
    @Operation(operationId = "auditOutcomes", summary = "Where the audits of a year's renewals ended, per credential"
            + " level and by random draw or hand selection: opened, passed, remediated (passed after remediation),"
            + " failed, overdue and in progress, as of the service's today")
    @APIResponseSchema(Views.OutcomesReport.class)
    @APIResponse(responseCode = "422", description = "not a calendar year")
    public Views.OutcomesReport outcomes(@PathParam("year") String yearText) {
        AuditOutcomesReport.Report report = outcomes.of(year(yearText));
        List<Views.LevelOutcomesView> levels = new ArrayList<>();
        report.levels().forEach((level, o) -> levels.add(new Views.LevelOutcomesView(level,
                Views.AuditOutcomesView.of(o.random()), Views.AuditOutcomesView.of(o.byHand()),
                Views.AuditOutcomesView.of(o.all()))));
        return new Views.OutcomesReport(report.year(), report.asOf(), levels, Views.AuditOutcomesView.of(report.all()));
    }

    @GET
    @Path("/renewals/{renewalId}")
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "getDraw", summary = "A renewal's draw as recorded,"
            + " recomputed from the level-year's seed (the block's offset and the rule applied to it) and whether the"
            + " two agree (staff only)")
    @APIResponseSchema(Views.DrawView.class)
    @APIResponse(responseCode = "404", description = "the renewal is in no audit pool")
    public Views.DrawView draw(@PathParam("renewalId") UUID renewalId) {
        AuditQueries.DrawCheck check = queries.draw(renewalId)
                .orElseThrow(() -> ProblemException.notFound("Renewal " + renewalId + " is not in an audit pool."));
        var d = check.entry().draw();
        var again = check.recomputed();
        SamplingRate rate = check.pool().rate();
        var recomputed = new Views.RecomputedDraw(again.block(), again.position(), again.offset(),
                rate.selectedAfter(again.position() - 1, again.offset()),
                rate.selectedAfter(again.position(), again.offset()), again.selected());
        return new Views.DrawView(renewalId, check.entry().renewal().certificantId(), d.level(), d.year(), d.ordinal(),
                d.block(), d.position(), d.blockSize(), d.perBlock(), d.offset(), d.selected(),
                check.pool().seed().hex(), check.pool().seed().fingerprint(), check.reproduced(),
                check.entry().auditableUntil(), check.auditId().orElse(null), recomputed);
    }

    private static int year(String text) {
        try {
            int year = Integer.parseInt(text);
            if (year >= 1900 && year <= 9999) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("year", "must be a calendar year, e.g. 2027");
    }
}
