package org.cecplatform.console.api;

import java.net.URI;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The signed-in start page: who is signed in, and the person lookup. */
@Path("/")
@Tag(name = "Console pages")
@RolesAllowed({Roles.STAFF, Roles.AUDITOR})
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(SignedIn user, String certificantId, Map<String, String> errors);
    }

    private final SignedIn user;

    public HomePage(SignedIn user) {
        this.user = user;
    }

    @GET
    @Operation(summary = "Start page with the person lookup")
    public TemplateInstance home() {
        return Templates.home(user, "", Map.of());
    }

    /** The lookup form's target: on to the person's page (the services judge the id there). */
    @GET
    @Path("lookup")
    @Operation(summary = "Look a person up by certificant id")
    public Response lookup(@QueryParam("certificantId") String certificantId) {
        String id = certificantId == null ? "" : certificantId.trim();
        if (id.isEmpty()) {
            return Response.status(422).entity(Templates.home(user, "", Map.of("certificantId", "Enter a certificant id")))
                    .build();
        }
        URI person = UriBuilder.fromResource(PersonPage.class).path("{id}").build(id);
        return Response.seeOther(person).build();
    }
}
