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

/**
 * The audits, filtered by status, level, year and due within N days, overdue first then soonest due, with the count in
 * each status; each row links to its audit's page.
 */
@Path("/audits")
@Tag(name = "Console pages")
@RolesAllowed({Roles.STAFF, Roles.AUDITOR})
@Produces(MediaType.TEXT_HTML)
public class AuditQueuePage {

    /** The filters as typed, shown again in the form. */
    public record Filters(String status, String level, String year, String dueWithin) {
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
    @Operation(summary = "The audit queue: filters status, level, year and due within N days; overdue first, then"
            + " soonest due; counts per status")
    public Response audits(@QueryParam("status") String status, @QueryParam("level") String level,
                           @QueryParam("year") String year, @QueryParam("dueWithin") String dueWithin) {
        Filters filters = new Filters(orEmpty(status), orEmpty(level), orEmpty(year), orEmpty(dueWithin));
        Map<String, String> typos = new java.util.HashMap<>();
        Integer pool = number(filters.year(), "year", "must be a year, e.g. 2026", typos);
        Integer days = number(filters.dueWithin(), "dueWithin", "must be a number of days, e.g. 30", typos);
        if (!typos.isEmpty()) {
            return Response.status(422).entity(Templates.audits(user, filters, AuditQueue.STATUSES, LEVELS, null,
                    typos)).build();
        }
        try {
            return Response.ok(Templates.audits(user, filters, AuditQueue.STATUSES, LEVELS,
                    queue.list(new AuditQueue.Filter(filters.status(), filters.level(), pool, days)), Map.of()))
                    .build();
        } catch (ServiceProblem refused) {
            Map<String, String> errors = new java.util.HashMap<>(refused.byField());
            errors.putIfAbsent("form", refused.detail());
            return Response.status(refused.status()).entity(Templates.audits(user, filters, AuditQueue.STATUSES, LEVELS,
                    null, errors)).build();
        }
    }

    /** The whole number typed, null when blank; a message under {@code field} when it is none. */
    private static Integer number(String typed, String field, String message, Map<String, String> typos) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.trim());
        } catch (NumberFormatException e) {
            typos.put(field, message);
            return null;
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
