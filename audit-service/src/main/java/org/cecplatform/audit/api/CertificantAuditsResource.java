package org.cecplatform.audit.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.cecplatform.audit.application.AuditQueries;
import org.cecplatform.audit.application.AuditsAsOf;
import org.cecplatform.platform.api.Paging;
import org.cecplatform.platform.api.Violations;
import org.cecplatform.platform.security.Caller;
import org.cecplatform.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/certificants/{certificantId}/audits")
@Tag(name = "audits")
@Produces(MediaType.APPLICATION_JSON)
public class CertificantAuditsResource {

    private final AuditQueries queries;
    private final AuditsAsOf asOf;
    private final Caller caller;

    public CertificantAuditsResource(AuditQueries queries, AuditsAsOf asOf, Caller caller) {
        this.queries = queries;
        this.asOf = asOf;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF, Roles.AUDITOR})
    @Operation(operationId = "listCertificantAudits", summary = "A person's audits,"
            + " newest first; the person sees their own; with asOf, as they stood at the"
            + " end of that day (policy zone), computed from the audits' events")
    public Views.AuditPage list(@PathParam("certificantId") String certificantId, @QueryParam("page") String page,
                                @QueryParam("size") String size,
                                @Parameter(description = "YYYY-MM-DD, today or earlier: the audits as they stood at"
                                        + " the end of that day in the policy time zone, computed from their events"
                                        + " (an audit opened later is absent; a deadline passed before that day shows"
                                        + " OVERDUE); without it, as they stand now")
                                @QueryParam("asOf") String asOfDay) {
        caller.requireSelfOr(certificantId, Roles.STAFF, Roles.AUDITOR);
        Violations violations = new Violations();
        Paging paging = Paging.of(page, size, violations);
        LocalDate day = asOfDay == null ? null : pastDay(asOfDay, violations);
        violations.throwIfAny("The query has invalid parameters.");
        boolean showDraw = caller.hasRole(Roles.STAFF) || caller.hasRole(Roles.AUDITOR);
        AuditQueries.Page found = day == null ? queries.ofCertificant(certificantId, paging.page(), paging.size())
                : asOf.ofCertificant(certificantId, day, paging.page(), paging.size());
        return new Views.AuditPage(found.audits().stream().map(d -> AuditsResource.view(d, showDraw)).toList(),
                paging.page(), paging.size(), found.total());
    }

    /** The day {@code asOf} names: a date, today or earlier (what is still to come is not known); null when not. */
    private LocalDate pastDay(String asOfDay, Violations violations) {
        LocalDate day;
        try {
            day = LocalDate.parse(asOfDay);
        } catch (DateTimeParseException e) {
            violations.add("asOf", "must be a date, YYYY-MM-DD");
            return null;
        }
        LocalDate today = asOf.today();
        if (day.isAfter(today)) {
            violations.add("asOf", "must be today (" + today + ") or earlier: the future is not known");
            return null;
        }
        return day;
    }
}
