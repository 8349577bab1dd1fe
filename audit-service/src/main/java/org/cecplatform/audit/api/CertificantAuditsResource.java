package org.cecplatform.audit.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cecplatform.audit.application.AuditQueries;
import org.cecplatform.platform.api.Paging;
import org.cecplatform.platform.api.Violations;
import org.cecplatform.platform.security.Caller;
import org.cecplatform.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/certificants/{certificantId}/audits")
@Tag(name = "audits")
@Produces(MediaType.APPLICATION_JSON)
public class CertificantAuditsResource {

    private final AuditQueries queries;
    private final Caller caller;

    public CertificantAuditsResource(AuditQueries queries, Caller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF, Roles.AUDITOR})
    @Operation(summary = "A person's audits, newest first; the person sees their own")
    public Views.AuditPage list(@PathParam("certificantId") String certificantId, @QueryParam("page") String page,
                                @QueryParam("size") String size) {
        caller.requireSelfOr(certificantId, Roles.STAFF, Roles.AUDITOR);
        Violations violations = new Violations();
        Paging paging = Paging.of(page, size, violations);
        violations.throwIfAny("The query has invalid parameters.");
        boolean showDraw = caller.hasRole(Roles.STAFF) || caller.hasRole(Roles.AUDITOR);
        AuditQueries.Page found = queries.ofCertificant(certificantId, paging.page(), paging.size());
        return new Views.AuditPage(found.audits().stream().map(d -> AuditsResource.view(d, showDraw)).toList(),
                paging.page(), paging.size(), found.total());
    }
}
