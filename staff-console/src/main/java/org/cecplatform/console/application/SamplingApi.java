package org.cecplatform.console.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The audit-service's sampling report, audit outcomes, a renewal's draw and its clock, with the signed-in person's token. */
@RegisterRestClient(configKey = "audit")
@RegisterProvider(SignedInToken.class)
@RegisterProvider(ProblemResponses.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface SamplingApi {

    record Level(String credential, long renewals, long selected, BigDecimal rate, BigDecimal target,
                 long handSelected, Integer perBlock, Integer blockSize) {
    }

    record Report(int year, List<Level> levels) {
    }

    record Outcomes(long opened, long passed, long remediated, long failed, long overdue, long inProgress) {
    }

    record LevelOutcomes(String credential, Outcomes random, Outcomes byHand, Outcomes all) {
    }

    record OutcomesReport(int year, LocalDate asOf, List<LevelOutcomes> levels, Outcomes all) {
    }

    record Recomputed(long block, int position, int draw, long selectedBefore, long selectedThrough, boolean selected) {

        /** j − 1: the positions before this one, whose count {@code selectedBefore} is. */
        public int positionBefore() {
            return position - 1;
        }
    }

    record Draw(UUID renewalId, String certificantId, String credential, int year, long ordinal, long block, int position,
                int blockSize, int perBlock, int draw, boolean selected, String seedFingerprint, boolean reproduced,
                LocalDate auditableUntil, UUID auditId, Recomputed recomputed) {
    }

    record ServiceClock(Instant now) {
    }

    /** The service judges the year (422 naming {@code year} for one that is no calendar year). */
    @GET
    @Path("sampling/{year}")
    Report report(@PathParam("year") int year);

    @GET
    @Path("sampling/{year}/outcomes")
    OutcomesReport outcomes(@PathParam("year") int year);

    /** Staff only: an auditor gets the service's 403. */
    @GET
    @Path("sampling/renewals/{renewalId}")
    Draw draw(@PathParam("renewalId") UUID renewalId);

    @GET
    @Path("admin/clock")
    ServiceClock clock();
}
