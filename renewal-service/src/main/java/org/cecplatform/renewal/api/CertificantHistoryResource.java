package org.cecplatform.renewal.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cecplatform.renewal.application.RenewalEventDescriber;
import org.cecplatform.platform.api.Paging;
import org.cecplatform.platform.eventstore.HistoryPage;
import org.cecplatform.platform.eventstore.PersonHistory;
import org.cecplatform.platform.security.Caller;
import org.cecplatform.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A person's history in the renewal-service: their certifications' events, private ones included. */
@Path("/api/v1/certificants/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "history")
public class CertificantHistoryResource {

    private final PersonHistory history;
    private final RenewalEventDescriber describer;
    private final Caller caller;

    public CertificantHistoryResource(PersonHistory history, RenewalEventDescriber describer, Caller caller) {
        this.history = history;
        this.describer = describer;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF, Roles.AUDITOR})
    @Operation(summary = "A person's certification events, oldest first: grants, status changes, renewals and"
            + " reinstatements, with who and when", description = "eventId is the CloudEvent ce_id on cec.renewals.v1"
            + " (published false: kept in the person's stream only); an unknown person has an empty page")
    public HistoryPage history(@PathParam("id") String certificantId,
                               @Parameter(description = "from 0") @QueryParam("page") String page,
                               @Parameter(description = "1 to 500, default 50") @QueryParam("size") String size) {
        caller.requireSelfOr(certificantId, Roles.STAFF, Roles.AUDITOR);
        return history.page(certificantId, Paging.of(page, size), describer);
    }
}
