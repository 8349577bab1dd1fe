package org.cecplatform.console.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/**
 * The admin endpoints every service has (the platform's): consumer lag, jobs, the clock. One interface for the four
 * services; {@link Operations} builds a client per service URL. Called with the signed-in person's access token.
 */
@RegisterProvider(SignedInToken.class)
@RegisterProvider(ProblemResponses.class)
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
public interface ServiceAdminApi {

    record PartitionLag(String topic, int partition, Long committedOffset, long endOffset, long lag) {
    }

    record GroupLag(String group, List<PartitionLag> partitions, long totalLag) {

        /** The topics the group reads, for the page. */
        public String topics() {
            return partitions.stream().map(PartitionLag::topic).distinct().collect(Collectors.joining(", "));
        }
    }

    record ConsumerGroupList(List<GroupLag> groups) {
    }

    /** {@code ranAt} is when the run started; outcome SUCCEEDED or FAILED; trigger SCHEDULE or REQUEST. */
    record JobRun(String job, Instant ranAt, Instant finishedAt, String outcome, String summary, String trigger) {

        public boolean failed() {
            return "FAILED".equals(outcome);
        }
    }

    /** {@code lastRun} is null before the job's first run. */
    record Job(String name, String schedule, JobRun lastRun) {
    }

    record JobList(List<Job> jobs) {
    }

    /** {@code offset} is the shift from the system time, an ISO-8601 duration ({@code PT2160H6M21.16S}). */
    record ClockView(Instant now, String offset, boolean settable) {

        /** Whether the clock runs away from the system time (by a second or more). */
        public boolean moved() {
            return Duration.parse(offset).abs().toSeconds() > 0;
        }

        /** The shift as a person reads it, e.g. {@code 90 d 0 h 6 min ahead}. */
        public String shift() {
            Duration shift = Duration.parse(offset);
            Duration size = shift.abs();
            return size.toDays() + " d " + size.toHoursPart() + " h " + size.toMinutesPart() + " min"
                    + (shift.isNegative() ? " back" : " ahead");
        }
    }

    record ClockSetting(Instant now) {
    }

    @GET
    @Path("consumers")
    ConsumerGroupList consumers();

    @GET
    @Path("jobs")
    JobList jobs();

    @POST
    @Path("jobs/{name}")
    JobRun runJob(@PathParam("name") String name);

    @GET
    @Path("clock")
    ClockView clock();

    @PUT
    @Path("clock")
    @Consumes(MediaType.APPLICATION_JSON)
    ClockView setClock(ClockSetting setting);

    @DELETE
    @Path("clock")
    ClockView resetClock();
}
