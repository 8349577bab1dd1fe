package org.cecplatform.platform.eventstore;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cecplatform.platform.api.OpenApiConventions;
import org.cecplatform.platform.api.Paging;
import org.cecplatform.platform.security.Caller;
import org.cecplatform.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code GET /api/v1/certificants/{certificantId}/history} (SPEC §6), the same in every service: each service's
 * {@code api} room extends it with the path ({@link #PATH}), its tag and its own {@link EventDescriber}. Who may read:
 * the person themself, staff and auditors; an unknown person has an empty page, like every list.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class PersonHistoryResource {

    public static final String PATH = "/api/v1/certificants/{certificantId}/history";

    private final PersonHistory history;
    private final EventDescriber describer;
    private final Caller caller;

    protected PersonHistoryResource(PersonHistory history, EventDescriber describer, Caller caller) {
        this.history = history;
        this.describer = describer;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF, Roles.AUDITOR})
    @Operation(operationId = "certificantHistory", summary = "A person's events in this service, oldest first,"
            + " private ones included: when, what, who",
            description = "eventId is the CloudEvent ce_id the event is published with (published false: kept in"
                    + " the service's event log only); actor is the token subject the event records, system for what"
                    + " the service did itself, or null when the event names no one")
    // Declared here: the generator does not see the roles of a method a resource inherits.
    @SecurityRequirement(name = OpenApiConventions.SECURITY_SCHEME)
    public HistoryPage history(@PathParam("certificantId") String certificantId,
                               @Parameter(description = "from 0") @QueryParam("page") String page,
                               @Parameter(description = "1 to 500, default 50") @QueryParam("size") String size) {
        caller.requireSelfOr(certificantId, Roles.STAFF, Roles.AUDITOR);
        return history.page(certificantId, Paging.of(page, size), describer);
    }
}
