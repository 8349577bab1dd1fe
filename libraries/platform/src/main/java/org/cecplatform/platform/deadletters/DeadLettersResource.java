package org.cecplatform.platform.deadletters;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cecplatform.platform.api.Paging;
import org.cecplatform.platform.api.ProblemException;
import org.cecplatform.platform.security.Caller;
import org.cecplatform.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** This service's own dead letters: listed for staff and auditors, requeued one at a time by staff. */
@Path("/api/v1/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class DeadLettersResource {

    private final DeadLetterStore store;
    private final DeadLetterRequeue requeue;
    private final Caller caller;

    public DeadLettersResource(DeadLetterStore store, DeadLetterRequeue requeue, Caller caller) {
        this.store = store;
        this.requeue = requeue;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.AUDITOR})
    @Operation(operationId = "listDeadLetters", summary = "The records this service's consumers dead-lettered, newest"
            + " first: when, consumer, position, reason, the message (UTF-8 text or base64, the first 4 KB) and every"
            + " requeue")
    public DeadLetterPage list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return store.page(Paging.of(page, size));
    }

    @POST
    @Path("/{id}/requeue")
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "requeueDeadLetter", summary = "Hand a dead letter to the consumer that rejected it again,"
            + " in this service; answers the dead letter with the requeue's outcome (PROCESSED, ALREADY_PROCESSED or"
            + " FAILED_AGAIN with the new reason) last in its requeues")
    @APIResponseSchema(DeadLetterEntry.class)
    @APIResponse(responseCode = "404", description = "no dead letter with that id in this service")
    @APIResponse(responseCode = "409", description = "a requeue processed it already, or its consumer no longer runs"
            + " here")
    public DeadLetterEntry requeue(@PathParam("id") String id) {
        return requeue.requeue(id(id), caller.subject());
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("No dead letter " + id + " in this service.");
        }
    }
}
