package org.cecplatform.platform.projection;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.cecplatform.platform.security.Caller;
import org.cecplatform.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff rebuild the service's projections and watch them from any instance (README "Event sourcing"). */
@Path("/api/v1/admin/projections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class ProjectionsResource {

    private final ProjectionRebuilds rebuilds;
    private final Caller caller;

    public ProjectionsResource(ProjectionRebuilds rebuilds, Caller caller) {
        this.rebuilds = rebuilds;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.AUDITOR})
    @Operation(operationId = "listProjections", summary = "Every projection of this service with its last rebuild")
    public List<RebuildProgress> list() {
        return rebuilds.projections().stream().map(p -> rebuilds.progress(p.name())).toList();
    }

    @POST
    @Path("/{name}/rebuild")
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "rebuildProjection", summary = "Rebuild a projection from its events into a shadow copy"
            + " that replaces the live one when it has caught up")
    @APIResponseSchema(value = RebuildProgress.class, responseCode = "202", responseDescription = "started")
    @APIResponse(responseCode = "404", description = "no projection of that name")
    @APIResponse(responseCode = "409", description = "a rebuild of it is running")
    public Response rebuild(@PathParam("name") String name) {
        return Response.accepted(rebuilds.start(name, caller.subject())).build();
    }

    @GET
    @Path("/{name}/rebuild")
    @RolesAllowed({Roles.STAFF, Roles.AUDITOR})
    @Operation(operationId = "projectionRebuildProgress", summary = "Progress of a projection's last rebuild: state,"
            + " events done, total")
    @APIResponseSchema(RebuildProgress.class)
    @APIResponse(responseCode = "404", description = "no projection of that name")
    public RebuildProgress progress(@PathParam("name") String name) {
        return rebuilds.progress(name);
    }
}
