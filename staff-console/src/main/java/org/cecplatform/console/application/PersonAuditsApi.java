package org.cecplatform.console.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The audit-service's view of one person: their audits (now or as of a day) and their history. */
@RegisterRestClient(configKey = "audit")
@RegisterProvider(SignedInToken.class)
@RegisterProvider(ProblemResponses.class)
@Path("/api/v1/certificants/{certificantId}")
@Produces(MediaType.APPLICATION_JSON)
public interface PersonAuditsApi {

    record Audit(UUID auditId, String credential, int year, String renewalKind, String status, LocalDate openedOn,
                 LocalDate proofDueOn, LocalDate overdueSince, BigDecimal acceptedCecs, BigDecimal requiredCecs) {
    }

    record AuditPage(List<Audit> audits, int page, int size, long totalItems) {
    }

    /** Newest first; with {@code asOf} (YYYY-MM-DD; null: now) as they stood at the end of that day. */
    @GET
    @Path("audits")
    AuditPage audits(@PathParam("certificantId") String certificantId, @QueryParam("asOf") String asOf,
                     @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("history")
    HistoryPage history(@PathParam("certificantId") String certificantId, @QueryParam("page") int page,
                        @QueryParam("size") int size);
}
