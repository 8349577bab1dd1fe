package org.cecplatform.console.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The audit-service's audit list, called with the signed-in person's access token. */
@RegisterRestClient(configKey = "audit")
@RegisterProvider(SignedInToken.class)
@RegisterProvider(ProblemResponses.class)
@Path("/api/v1/audits")
@Produces(MediaType.APPLICATION_JSON)
public interface AuditApi {

    record Audit(UUID auditId, String certificantId, String credential, int year, String status, LocalDate openedOn,
                 LocalDate proofDueOn, BigDecimal acceptedCecs, BigDecimal requiredCecs) {
    }

    record AuditPage(List<Audit> audits, int page, int size, long totalItems) {
    }

    /** Null filters are left out of the query (the service then does not filter by them). */
    @GET
    AuditPage audits(@QueryParam("status") String status, @QueryParam("credential") String credential,
                     @QueryParam("year") Integer year, @QueryParam("page") int page, @QueryParam("size") int size);
}
