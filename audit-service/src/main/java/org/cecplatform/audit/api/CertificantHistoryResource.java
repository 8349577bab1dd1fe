package org.cecplatform.audit.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cecplatform.audit.application.AuditEventDescriber;
import org.cecplatform.platform.api.Paging;
import org.cecplatform.platform.eventstore.HistoryPage;
import org.cecplatform.platform.eventstore.PersonHistory;
import org.cecplatform.platform.security.Caller;
import org.cecplatform.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A person's history in the audit-service: their audits' events and their renewals' draws, private ones included. */
@Path("/api/v1/certificants/{certificantId}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "history")
public class CertificantHistoryResource {

    private final PersonHistory history;
    private final AuditEventDescriber describer;
    private final Caller caller;

    public CertificantHistoryResource(PersonHistory history, AuditEventDescriber describer, Caller caller) {
        this.history = history;
        this.describer = describer;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF, Roles.AUDITOR})
    @Operation(summary = "A person's audit events, oldest first: draws, openings, proof, extensions, decisions,"
            + " with who and when", description = "eventId is the CloudEvent ce_id on cec.audits.v1 (published false:"
            + " kept in the service's streams only); an unknown person has an empty page")
    public HistoryPage history(@PathParam("certificantId") String certificantId,
                               @Parameter(description = "from 0") @QueryParam("page") String page,
                               @Parameter(description = "1 to 500, default 50") @QueryParam("size") String size) {
        caller.requireSelfOr(certificantId, Roles.STAFF, Roles.AUDITOR);
        return history.page(certificantId, Paging.of(page, size), describer);
    }
}
