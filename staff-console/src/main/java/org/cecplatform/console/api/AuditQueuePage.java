package org.cecplatform.console.api;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cecplatform.console.application.AuditQueue;
import org.cecplatform.console.application.ServiceProblem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The audits, filtered by status, level and year, with the count in each status. */
@Path("/audits")
@Tag(name = "Console pages")
@RolesAllowed({Roles.STAFF, Roles.AUDITOR})
@Produces(MediaType.TEXT_HTML)
public class AuditQueuePage {

    /** The filters as typed, shown again in the form. */
    public record Filters(String status, String level, String year) {
    }

    /** The audit levels (the policy's credentials), for the filter. */
    static final List<String> LEVELS = List.of("CEP", "EP", "CPT", "GEI", "PAPHS", "CIFT", "CET");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audits(SignedIn user, Filters filters, List<String> statuses, List<String> levels,
                                              AuditQueue.View queue, Map<String, String> errors);
    }

    private final AuditQueue queue;
    private final SignedIn user;

    public AuditQueuePage(AuditQueue queue, SignedIn user) {
        this.queue = queue;
        this.user = user;
    }

    @GET
    @Operation(summary = "The audit queue: filters status, level and year; counts per status")
    public Response audits(@QueryParam("status") String status, @QueryParam("level") String level,
                           @QueryParam("year") String year) {
        Filters filters = new Filters(orEmpty(status), orEmpty(level), orEmpty(year));
        Integer pool;
        try {
            pool = filters.year().isBlank() ? null : Integer.valueOf(filters.year().trim());
        } catch (NumberFormatException e) {
            return Response.status(422).entity(Templates.audits(user, filters, AuditQueue.STATUSES, LEVELS, null,
                    Map.of("year", "must be a year, e.g. 2026"))).build();
        }
        try {
            return Response.ok(Templates.audits(user, filters, AuditQueue.STATUSES, LEVELS,
                    queue.list(filters.status(), filters.level(), pool), Map.of())).build();
        } catch (ServiceProblem refused) {
            Map<String, String> errors = new java.util.HashMap<>(refused.byField());
            errors.putIfAbsent("form", refused.detail());
            return Response.status(refused.status()).entity(Templates.audits(user, filters, AuditQueue.STATUSES, LEVELS,
                    null, errors)).build();
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
