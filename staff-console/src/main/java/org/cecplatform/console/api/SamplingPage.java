package org.cecplatform.console.api;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cecplatform.console.application.Sampling;
import org.cecplatform.console.application.SamplingApi;
import org.cecplatform.console.application.SamplingYear;
import org.cecplatform.console.application.ServiceProblem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Sampling and outcomes of a year: per level the pool, the random selection against its target and ±1 bound (a table
 * and a chart of the same figures), hand selections and where the audits ended; and a renewal's draw recomputed.
 */
@Path("/sampling")
@Tag(name = "Console pages")
@RolesAllowed({Roles.STAFF, Roles.AUDITOR})
@Produces(MediaType.TEXT_HTML)
public class SamplingPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sampling(SignedIn user, String yearTyped, SamplingYear year, SelectionChart chart,
                                                Map<String, String> errors);

        static native TemplateInstance draw(SignedIn user, String renewalId, SamplingApi.Draw draw,
                                            Map<String, String> errors);
    }

    private final Sampling sampling;
    private final SignedIn user;

    public SamplingPage(Sampling sampling, SignedIn user) {
        this.sampling = sampling;
        this.user = user;
    }

    @GET
    @Operation(summary = "Sampling and audit outcomes per level of a year (default: the services' current year)")
    public Response year(@QueryParam("year") String year) {
        String typed = year == null ? "" : year.trim();
        Integer chosen = null;
        if (!typed.isEmpty()) {
            try {
                chosen = Integer.valueOf(typed);
            } catch (NumberFormatException e) {
                return refused(422, typed, Map.of("year", "must be a year, e.g. 2026"));
            }
        }
        try {
            return shown(typed, chosen == null ? sampling.current() : sampling.of(chosen));
        } catch (ServiceProblem refused) {
            Map<String, String> errors = refused.byField().isEmpty() ? Map.of("form", refused.detail())
                    : refused.byField();
            return refused(refused.status(), typed, errors);
        }
    }

    @GET
    @Path("draws")
    @Operation(summary = "A renewal's draw as recorded and recomputed from the seed (the service allows staff only)")
    public Response draw(@QueryParam("renewalId") String renewalId) {
        String typed = renewalId == null ? "" : renewalId.trim();
        UUID id;
        try {
            id = UUID.fromString(typed);
        } catch (IllegalArgumentException e) {
            return Response.status(422).entity(Templates.draw(user, typed, null,
                    Map.of("renewalId", "must be a renewal id, e.g. 0b8f6c1e-5d3a-4f7b-9c2e-1a2b3c4d5e6f"))).build();
        }
        try {
            return Response.ok(Templates.draw(user, typed, sampling.draw(id), Map.of())).build();
        } catch (ServiceProblem refused) {
            return Response.status(refused.status()).entity(Templates.draw(user, typed, null,
                    Map.of("renewalId", explain(refused)))).build();
        }
    }

    /** The service's words; a 403 says politely who may do this instead of "Forbidden". */
    private static String explain(ServiceProblem refused) {
        if (refused.status() == 403) {
            return "Only staff may recompute a draw: it needs the level-year's secret seed, which the audit-service shows"
                    + " to staff alone. (The audit-service answered: " + refused.detail() + ")";
        }
        return refused.byField().getOrDefault("renewalId", refused.detail());
    }

    private Response shown(String typed, SamplingYear year) {
        return Response.ok(Templates.sampling(user, typed.isEmpty() ? Integer.toString(year.year()) : typed, year,
                SelectionChart.of(year.levels()), Map.of())).build();
    }

    private Response refused(int status, String typed, Map<String, String> errors) {
        return Response.status(status).entity(Templates.sampling(user, typed, null, null, errors)).build();
    }
}
