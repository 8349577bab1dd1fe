package org.cecplatform.notification.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cecplatform.notification.application.Contacts;
import org.cecplatform.platform.security.Caller;
import org.cecplatform.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a person turned off: the calendar reminders. The audit notices (reminders included) are never off. */
@Path("/api/v1/certificants/{certificantId}/notification-preferences")
@Tag(name = "notices", description = "The notices and reminders sent to a person, and whether they get the calendar reminders")
@Produces(MediaType.APPLICATION_JSON)
public class PreferencesResource {

    private final Contacts contacts;
    private final Caller caller;

    public PreferencesResource(Contacts contacts, Caller caller) {
        this.contacts = contacts;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF})
    @Operation(operationId = "setNoticePreferences", summary = "Turn the cycle and grace-period reminders off or on (the person or staff); audit notices"
            + " stay on")
    public Views.PreferencesView put(@PathParam("certificantId") String certificantId,
                                     @Valid @NotNull Requests.PreferencesRequest request) {
        caller.requireSelfOr(certificantId, Roles.STAFF);
        contacts.setReminders(certificantId, request.reminders());
        return new Views.PreferencesView(certificantId, request.reminders(), true);
    }

    @GET
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF})
    @Operation(operationId = "getNoticePreferences", summary = "Whether the person gets the calendar reminders (the person or staff)")
    public Views.PreferencesView get(@PathParam("certificantId") String certificantId) {
        caller.requireSelfOr(certificantId, Roles.STAFF);
        return new Views.PreferencesView(certificantId, contacts.wantsReminders(certificantId), true);
    }
}
