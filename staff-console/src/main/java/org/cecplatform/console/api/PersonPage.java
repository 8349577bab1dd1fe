package org.cecplatform.console.api;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.cecplatform.console.application.People;
import org.cecplatform.console.application.PersonFile;
import org.cecplatform.console.application.ServiceProblem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** A person's certifications and credits; staff void a credit with a reason here. */
@Path("/people")
@Tag(name = "Console pages")
@RolesAllowed({Roles.STAFF, Roles.AUDITOR})
@Produces(MediaType.TEXT_HTML)
public class PersonPage {

    /** A refused void: which credit, the service's problem, and what was typed (kept in the field). */
    public record VoidRefusal(UUID creditId, String reason, ServiceProblem problem) {

        public boolean isFor(UUID credit) {
            return creditId.equals(credit);
        }

        public String fieldError(String field) {
            return problem.byField().get(field);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance person(SignedIn user, PersonFile person, VoidRefusal refusal);
    }

    private final People people;
    private final SignedIn user;

    public PersonPage(People people, SignedIn user) {
        this.people = people;
        this.user = user;
    }

    @GET
    @Path("{certificantId}")
    @Operation(summary = "A person's certifications (status, cycle, progress, days left, renewable) and credits")
    public Response person(@PathParam("certificantId") String certificantId) {
        try {
            return Response.ok(Templates.person(user, people.file(certificantId), null)).build();
        } catch (ServiceProblem refused) {
            // e.g. an id that breaks the rule: back to the lookup, the service's words next to the field
            String message = refused.byField().getOrDefault("certificantId", refused.detail());
            return Response.status(refused.status())
                    .entity(HomePage.Templates.home(user, certificantId, Map.of("certificantId", message))).build();
        }
    }

    @POST
    @Path("{certificantId}/credits/{creditId}/void")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Void a credit with a reason (staff)")
    public Response voidCredit(@PathParam("certificantId") String certificantId, @PathParam("creditId") UUID creditId,
                               @FormParam("reason") String reason) {
        try {
            people.voidCredit(certificantId, creditId, reason == null ? "" : reason);
        } catch (ServiceProblem refused) {
            VoidRefusal refusal = new VoidRefusal(creditId, reason, refused);
            return Response.status(refused.status())
                    .entity(Templates.person(user, people.file(certificantId), refusal)).build();
        }
        // Post/redirect/get: a reload does not post again
        return Response.seeOther(UriBuilder.fromResource(PersonPage.class).path("{id}").fragment("credit-" + creditId)
                .build(certificantId)).build();
    }
}
