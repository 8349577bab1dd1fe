package org.cecplatform.platform.jobs;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.cecplatform.platform.api.ProblemException;
import org.cecplatform.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/jobs")
@Tag(name = "admin", description = "Operating the service: scheduled jobs, projection rebuilds, the clock")
public class JobsResource {

    public record JobList(List<JobRunner.Job> jobs) {
    }

    private final JobRunner runner;

    public JobsResource(JobRunner runner) {
        this.runner = runner;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.AUDITOR})
    @Operation(operationId = "listJobs", summary = "This service's scheduled jobs: each with its schedule and its last"
            + " run (started, finished, outcome, summary, started by the scheduler or a request), kept across restarts")
    public JobList list() {
        return new JobList(runner.jobs());
    }

    @POST
    @Path("/{name}")
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "runJob", summary = "Run a scheduled job now; returns when it has run (its new last run)")
    @APIResponseSchema(JobRunner.JobRun.class)
    @APIResponse(responseCode = "404", description = "no job of that name")
    public JobRunner.JobRun run(@PathParam("name") String name) {
        return runner.run(name).orElseThrow(() -> ProblemException.notFound("No job named '" + name + "'."));
    }
}
