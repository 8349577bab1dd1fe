package org.cecplatform.console.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.cecplatform.console.application.Operations;
import org.cecplatform.console.application.ServiceAdminApi;
import org.cecplatform.console.application.ServiceProblem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;

/**
 * Each service's consumer lag and jobs with their last run; staff run a job now. Where the services have a settable
 * clock (the local stack), their clocks are shown and staff move them all together.
 */
@Path("/operations")
@Tag(name = "Console pages")
@RolesAllowed({Roles.STAFF, Roles.AUDITOR})
@Produces(MediaType.TEXT_HTML)
public class OperationsPage {

    /** A job just run from this page (post/redirect/get): which one, to say how it went. */
    public record Ran(String service, String job) {

        public boolean is(String s, String j) {
            return service.equals(s) && job.equals(j);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance operations(SignedIn user, Operations.View view, Ran ran, String clockInput,
                                                  Map<String, String> errors);
    }

    private final Operations operations;
    private final SignedIn user;

    public OperationsPage(Operations operations, SignedIn user) {
        this.operations = operations;
        this.user = user;
    }

    @GET
    @Operation(summary = "Consumer lag per group and jobs with their last run, per service; the clock where settable")
    public TemplateInstance page(@QueryParam("service") String service, @QueryParam("job") String job) {
        Ran ran = service == null || job == null ? null : new Ran(service, job);
        return Templates.operations(user, operations.view(), ran, "", Map.of());
    }

    @POST
    @Path("{service}/jobs/{job}/run")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Run a service's job now (staff)")
    public Response runJob(@PathParam("service") String service, @PathParam("job") String job) {
        try {
            operations.runJob(service, job);
        } catch (ServiceProblem refused) {
            return page(refused.status(), "", Map.of(jobKey(service, job), refused.detail()));
        } catch (RuntimeException failed) {
            // the job itself failed (the service answered 5xx): its last run, on the page, says why
            return page(502, "", Map.of(jobKey(service, job), "The run failed: " + failed.getMessage()));
        }
        URI back = UriBuilder.fromResource(OperationsPage.class).queryParam("service", service).queryParam("job", job)
                .fragment(jobKey(service, job)).build();
        return Response.seeOther(back).build();
    }

    @POST
    @Path("clock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Move every service's clock to the given UTC time (staff; local stack only)")
    public Response setClocks(@FormParam("now") String now) {
        String typed = now == null ? "" : now.trim();
        Instant instant;
        try {
            instant = LocalDateTime.parse(typed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return page(422, typed, Map.of("now", "Enter a date and time (UTC) to move the clocks to"));
        }
        try {
            operations.setClocks(instant);
        } catch (ServiceProblem refused) {
            Map<String, String> errors = new HashMap<>(refused.byField());
            errors.putIfAbsent("now", refused.detail());
            return page(refused.status(), typed, errors);
        }
        return Response.seeOther(UriBuilder.fromResource(OperationsPage.class).fragment("clock").build()).build();
    }

    @POST
    @Path("clock/reset")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Every service's clock back to the system time (staff; local stack only)")
    public Response resetClocks() {
        try {
            operations.resetClocks();
        } catch (ServiceProblem refused) {
            return page(refused.status(), "", Map.of("now", refused.detail()));
        }
        return Response.seeOther(UriBuilder.fromResource(OperationsPage.class).fragment("clock").build()).build();
    }

    private Response page(int status, String clockInput, Map<String, String> errors) {
        return Response.status(status).entity(Templates.operations(user, operations.view(), null, clockInput, errors))
                .build();
    }

    /** The id of a job's row, and the key of its error. */
    static String jobKey(String service, String job) {
        return "job-" + service + "-" + job;
    }

    /** {@code {job.rowId(service.key)}} in the template. */
    @TemplateExtension
    static String rowId(ServiceAdminApi.Job job, String service) {
        return jobKey(service, job.name());
    }
}
