package org.cecplatform.console.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The renewal-service's view of a person (certifications, now or as of a day; explained progress; renewals; history)
 * and the grant, called with the signed-in person's access token.
 */
@RegisterRestClient(configKey = "renewal")
@RegisterProvider(SignedInToken.class)
@RegisterProvider(ProblemResponses.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface RenewalApi {

    record Certification(UUID certificationId, String credential, String credentialName, String status,
                         LocalDate certifiedOn, LocalDate cycleStart, LocalDate cycleEnd, BigDecimal cecsRequired,
                         BigDecimal cecsTracked, BigDecimal cecsRemaining, long daysLeft, LocalDate deadline,
                         boolean renewable, String renewalKind, List<String> reasons,
                         Map<String, BigDecimal> cecsTrackedByCategory, List<Cycle> cycles) {

        /** Tracked CECs as a share of the requirement, 0 to 100 (the progress bar's width). */
        public int percent() {
            if (cecsRequired == null || cecsRequired.signum() <= 0 || cecsTracked == null) {
                return 0;
            }
            return Math.min(100, cecsTracked.multiply(BigDecimal.valueOf(100))
                    .divide(cecsRequired, 0, java.math.RoundingMode.DOWN).intValue());
        }
    }

    /** A cycle of a certification; a reinstatement's cycle keeps the gap before it (gapFrom..gapTo). */
    record Cycle(int number, LocalDate cycleStart, LocalDate cycleEnd, String origin, LocalDate gapFrom,
                 LocalDate gapTo) {
    }

    record Certifications(String certificantId, LocalDate asOf, List<Certification> certifications) {
    }

    record GrantRequest(String certificantId, String credential, String certifiedOn) {
    }

    /** A cycle's count explained: totals, each category with its caps (null: none), every credit with its reason. */
    record Progress(UUID certificationId, String credential, String status, LocalDate asOf, int cycleNumber,
                    LocalDate cycleStart, LocalDate cycleEnd, LocalDate countedFrom, LocalDate countedTo,
                    BigDecimal cecsRequired, BigDecimal cecsCounted, BigDecimal cecsRemaining,
                    List<CategoryCount> categories, List<ExplainedCredit> credits) {
    }

    record CategoryCount(String category, BigDecimal cecsReported, BigDecimal cecsCounted, BigDecimal capPerYear,
                         BigDecimal capPerCycle) {
    }

    record ExplainedCredit(UUID creditId, LocalDate completedOn, String category, BigDecimal cecsReported,
                           BigDecimal cecsCounted, String reason, String detail) {
    }

    record Fee(BigDecimal total, String currency) {
    }

    /**
     * A renewal (on time, late with its fee, or a reinstatement) or a request still waiting for its payment. A
     * reinstatement's gap is gapFrom..gapTo, both days included: the days the person was not certified.
     */
    record Renewal(UUID renewalId, String status, String kind, List<String> credentials, String level,
                   LocalDate requestedOn, LocalDate renewedOn, LocalDate cycleStart, LocalDate cycleEnd,
                   LocalDate previousCycleStart, LocalDate previousCycleEnd, LocalDate gapFrom, LocalDate gapTo,
                   BigDecimal cecsRequired, BigDecimal cecsTracked, Fee fee, String submittedBy) {

        /** The kind in the office's words. */
        public String kindText() {
            return switch (kind == null ? "" : kind) {
                case "RENEWAL" -> "on time";
                case "LATE_RENEWAL" -> "late, with the late fee";
                case "REINSTATEMENT" -> "reinstatement";
                default -> String.valueOf(kind);
            };
        }

        /** The days not certified before a reinstatement (both ends counted); null when there was no gap. */
        public Long gapDays() {
            return gapFrom == null || gapTo == null ? null : ChronoUnit.DAYS.between(gapFrom, gapTo) + 1;
        }
    }

    record RenewalPage(List<Renewal> renewals, List<Renewal> awaitingPayment, long totalItems) {

        /** The requests waiting for their payment, then the renewals, newest first. */
        public List<Renewal> all() {
            return java.util.stream.Stream.concat(awaitingPayment.stream(), renewals.stream()).toList();
        }
    }

    /** Now, or with {@code asOf} (YYYY-MM-DD; null: now) as it stood at the end of that day. */
    @GET
    @Path("certificants/{certificantId}/certifications")
    Certifications certifications(@PathParam("certificantId") String certificantId, @QueryParam("asOf") String asOf);

    @GET
    @Path("certificants/{certificantId}/certifications/{credential}/progress")
    Progress progress(@PathParam("certificantId") String certificantId, @PathParam("credential") String credential,
                      @QueryParam("cycle") String cycle);

    @GET
    @Path("certificants/{certificantId}/renewals")
    RenewalPage renewals(@PathParam("certificantId") String certificantId, @QueryParam("page") int page,
                         @QueryParam("size") int size);

    @POST
    @Path("certifications")
    @Consumes(MediaType.APPLICATION_JSON)
    Certification grant(GrantRequest request);

    @GET
    @Path("certificants/{certificantId}/history")
    HistoryPage history(@PathParam("certificantId") String certificantId, @QueryParam("page") int page,
                        @QueryParam("size") int size);
}
