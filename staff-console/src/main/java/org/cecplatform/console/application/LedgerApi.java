package org.cecplatform.console.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

/** The ledger-service's credits and history of a person, called with the signed-in person's access token. */
@RegisterRestClient(configKey = "ledger")
@RegisterProvider(SignedInToken.class)
@RegisterProvider(ProblemResponses.class)
@Path("/api/v1/certificants/{certificantId}")
@Produces(MediaType.APPLICATION_JSON)
public interface LedgerApi {

    record Credit(UUID creditId, String source, boolean verified, String category, String title, String provider,
                  LocalDate completedOn, BigDecimal cecs, boolean voided, String voidReason, String voidedBy,
                  Instant voidedAt) {
    }

    record CreditPage(List<Credit> credits, long totalItems) {
    }

    record VoidRequest(String reason) {
    }

    /** A credit staff record on the person's behalf (the ledger's credit request). */
    record NewCredit(String title, String provider, String providerKind, String category, String completedOn,
                     BigDecimal amount, String unit, Boolean inScope, String grade) {
    }

    @POST
    @Path("credits")
    @Consumes(MediaType.APPLICATION_JSON)
    Credit record(@PathParam("certificantId") String certificantId, NewCredit credit);

    @GET
    @Path("credits")
    CreditPage credits(@PathParam("certificantId") String certificantId, @QueryParam("size") int size);

    @POST
    @Path("credits/{creditId}/void")
    @Consumes(MediaType.APPLICATION_JSON)
    Credit voidCredit(@PathParam("certificantId") String certificantId, @PathParam("creditId") UUID creditId,
                      VoidRequest request);

    @GET
    @Path("history")
    HistoryPage history(@PathParam("certificantId") String certificantId, @QueryParam("page") int page,
                        @QueryParam("size") int size);
}
