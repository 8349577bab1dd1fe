package org.cecplatform.notification.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cecplatform.notification.application.Contacts;
import org.cecplatform.notification.domain.EmailAddress;
import org.cecplatform.platform.api.ProblemException;
import org.cecplatform.platform.security.Caller;
import org.cecplatform.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A person's contact address: personal data, kept here only and never put in an event. */
@Path("/api/v1/certificants/{certificantId}/contact")
@Tag(name = "contact", description = "A person's e-mail address for notices: kept here only, never in an event")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    private final Contacts contacts;
    private final Caller caller;

    public ContactResource(Contacts contacts, Caller caller) {
        this.contacts = contacts;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF})
    @Operation(operationId = "setContact", summary = "Set the person's e-mail address for notices (the person or staff); replaces the old one")
    public Views.ContactView put(@PathParam("certificantId") String certificantId, Requests.ContactRequest request) {
        caller.requireSelfOr(certificantId, Roles.STAFF);
        String email = request == null ? null : request.email();
        EmailAddress.problem(email).ifPresent(problem -> {
            throw ProblemException.invalid("email", problem);
        });
        contacts.setEmail(certificantId, email, caller.subject());
        return new Views.ContactView(certificantId, email);
    }

    @GET
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF})
    @Operation(operationId = "getContact", summary = "The person's e-mail address for notices (the person or staff); 404 when none is set")
    @APIResponseSchema(Views.ContactView.class)
    @APIResponse(responseCode = "404", description = "no address is set")
    public Views.ContactView get(@PathParam("certificantId") String certificantId) {
        caller.requireSelfOr(certificantId, Roles.STAFF);
        String email = contacts.email(certificantId)
                .orElseThrow(() -> ProblemException.notFound("No contact address for " + certificantId + "."));
        return new Views.ContactView(certificantId, email);
    }
}
