package org.cecplatform.renewal.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.cecplatform.platform.api.ProblemException;
import org.cecplatform.platform.security.Roles;
import org.cecplatform.renewal.messaging.LedgerProjectionRebuild;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/projections/ledger/rebuild")
@Tag(name = "admin")
public class LedgerProjectionResource {

    private final LedgerProjectionRebuild rebuild;

    public LedgerProjectionResource(LedgerProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Rebuild the ledger credit projection from cec.ledger.v1 (202; 409 while one runs)")
    public Response start() {
        LedgerProjectionRebuild.Progress started = rebuild.start().orElseThrow(() -> ProblemException.conflict(
                "rebuild-running", "A rebuild of the ledger projection is already running."));
        return Response.accepted(started).build();
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.AUDITOR})
    @Operation(summary = "Progress of the last ledger projection rebuild")
    public LedgerProjectionRebuild.Progress progress() {
        return rebuild.progress();
    }
}
