package org.cecplatform.console.api;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cecplatform.console.application.PersonTimeline;
import org.cecplatform.console.application.ServiceProblem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** A person's history: the ledger-, renewal- and audit-service's events merged by time, a page at a time. */
@Path("/people/{certificantId}/history")
@Tag(name = "Console pages")
@RolesAllowed({Roles.STAFF, Roles.AUDITOR})
@Produces(MediaType.TEXT_HTML)
public class PersonHistoryPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(SignedIn user, PersonTimeline.View timeline);
    }

    private final PersonTimeline timeline;
    private final SignedIn user;

    public PersonHistoryPage(PersonTimeline timeline, SignedIn user) {
        this.timeline = timeline;
        this.user = user;
    }

    @GET
    @Operation(summary = "A person's history across the services, oldest first (page from 0, 50 events a page)")
    public Response history(@PathParam("certificantId") String certificantId, @QueryParam("page") String page) {
        int number;
        try {
            number = page == null || page.isBlank() ? 0 : Integer.parseInt(page.trim());
        } catch (NumberFormatException e) {
            number = 0; // a page link typed by hand: the first page
        }
        try {
            return Response.ok(Templates.history(user, timeline.page(certificantId, number))).build();
        } catch (ServiceProblem refused) {
            String message = refused.byField().getOrDefault("certificantId", refused.detail());
            return Response.status(refused.status())
                    .entity(HomePage.Templates.home(user, certificantId, Map.of("certificantId", message))).build();
        }
    }
}
