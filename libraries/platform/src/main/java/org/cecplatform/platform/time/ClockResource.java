package org.cecplatform.platform.time;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.time.Instant;
import org.cecplatform.platform.api.ProblemException;
import org.cecplatform.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/clock")
@Tag(name = "admin")
public class ClockResource {

    public record ClockSetting(@NotNull Instant now) {
    }

    public record ClockView(Instant now, String offset, boolean settable) {
    }

    private final ServiceClock clock;
    private final ClockConfig config;

    public ClockResource(ServiceClock clock, ClockConfig config) {
        this.clock = clock;
        this.config = config;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.AUDITOR})
    @Operation(operationId = "getClock", summary = "This service's current time")
    public ClockView get() {
        return view();
    }

    @PUT
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "setClock", summary = "Set this service's clock to any instant (only where the runtime"
            + " setting allows it)")
    @APIResponseSchema(ClockView.class)
    @APIResponse(responseCode = "404", description = "the clock cannot be set in this deployment")
    public ClockView set(@Valid @NotNull ClockSetting setting) {
        requireSettable();
        clock.set(setting.now());
        return view();
    }

    @DELETE
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "resetClock", summary = "Return this service's clock to the system time")
    @APIResponseSchema(ClockView.class)
    @APIResponse(responseCode = "404", description = "the clock cannot be set in this deployment")
    public ClockView reset() {
        requireSettable();
        clock.reset();
        return view();
    }

    private void requireSettable() {
        if (!config.settable()) {
            // Where the setting is off the endpoint does not exist, as far as clients can tell.
            throw ProblemException.notFound("The clock cannot be set in this deployment.");
        }
    }

    private ClockView view() {
        return new ClockView(clock.instant(), clock.offset().toString(), config.settable());
    }
}
