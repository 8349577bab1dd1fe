package org.cecplatform.console.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cecplatform.console.application.ExplainedProgress;
import org.cecplatform.console.application.People;
import org.cecplatform.console.application.ServiceProblem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Why a certification's cycle counts what it counts: every credit with what it counted and the reason. */
@Path("/people/{certificantId}/progress/{credential}")
@Tag(name = "Console pages")
@RolesAllowed({Roles.STAFF, Roles.AUDITOR})
@Produces(MediaType.TEXT_HTML)
public class ProgressPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance progress(SignedIn user, String certificantId, String credential,
                                                ExplainedProgress explained, ServiceProblem refused);
    }

    private final People people;
    private final SignedIn user;

    public ProgressPage(People people, SignedIn user) {
        this.people = people;
        this.user = user;
    }

    @GET
    @Operation(summary = "A certification's current cycle explained, or past cycle N with ?cycle=N")
    public Response progress(@PathParam("certificantId") String certificantId,
                             @PathParam("credential") String credential, @QueryParam("cycle") String cycle) {
        try {
            return Response.ok(Templates.progress(user, certificantId, credential,
                    people.progress(certificantId, credential, cycle), null)).build();
        } catch (ServiceProblem refused) {
            // a cycle or credential the person does not have: the service's words on the page
            return Response.status(refused.status())
                    .entity(Templates.progress(user, certificantId, credential, null, refused)).build();
        }
    }
}
