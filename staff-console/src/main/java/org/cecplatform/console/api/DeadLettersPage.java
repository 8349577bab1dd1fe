package org.cecplatform.console.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.cecplatform.console.application.DeadLetterApi;
import org.cecplatform.console.application.DeadLetterDesk;
import org.cecplatform.console.application.ServiceProblem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Each service's dead letters; staff requeue one, and the service hands it to its consumer again. */
@Path("/dead-letters")
@Tag(name = "Console pages")
@RolesAllowed({Roles.STAFF, Roles.AUDITOR})
@Produces(MediaType.TEXT_HTML)
public class DeadLettersPage {

    /** Which dead letter the page reports on: one just requeued, or one whose requeue the service refused. */
    public record Notice(String service, long id, ServiceProblem refusal) {

        public boolean isFor(String s, long letter) {
            return service.equals(s) && id == letter;
        }

        /** The requeued letter's newest outcome as the service lists it, or null when it is not on the page. */
        public DeadLetterApi.Requeue outcome(List<DeadLetterDesk.ServiceLetters> sections) {
            return sections.stream().filter(s -> s.service().equals(service))
                    .flatMap(s -> s.deadLetters().stream()).filter(d -> d.id() == id)
                    .map(DeadLetterApi.DeadLetter::lastRequeue).findFirst().orElse(null);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance deadLetters(SignedIn user, List<DeadLetterDesk.ServiceLetters> sections,
                                                   Notice notice);
    }

    private final DeadLetterDesk desk;
    private final SignedIn user;

    public DeadLettersPage(DeadLetterDesk desk, SignedIn user) {
        this.desk = desk;
        this.user = user;
    }

    @GET
    @Operation(summary = "Each service's newest dead letters: when, consumer, reason, the message and its requeues")
    public TemplateInstance deadLetters(@QueryParam("service") String service, @QueryParam("requeued") Long id) {
        Notice notice = service != null && id != null && desk.knows(service) ? new Notice(service, id, null) : null;
        return Templates.deadLetters(user, desk.all(), notice);
    }

    @POST
    @Path("{service}/{id}/requeue")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Ask a service to hand one of its dead letters to its consumer again (staff)")
    public Response requeue(@PathParam("service") String service, @PathParam("id") long id) {
        if (!desk.knows(service)) {
            throw new NotFoundException("no service " + service);
        }
        try {
            desk.requeue(service, id);
        } catch (ServiceProblem refused) {
            return Response.status(refused.status())
                    .entity(Templates.deadLetters(user, desk.all(), new Notice(service, id, refused))).build();
        }
        // Post/redirect/get: a reload does not requeue again; the page reports the outcome the service recorded
        return Response.seeOther(UriBuilder.fromResource(DeadLettersPage.class).queryParam("service", service)
                .queryParam("requeued", id).fragment("dead-letter-" + service + "-" + id).build()).build();
    }
}
