package org.cecplatform.console.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/** The audit-service's audits API, called with the signed-in person's access token. */
@RegisterRestClient(configKey = "audit")
@RegisterProvider(SignedInToken.class)
@RegisterProvider(ProblemResponses.class)
@Path("/api/v1/audits")
@Produces(MediaType.APPLICATION_JSON)
public interface AuditApi {

    record Audit(UUID auditId, String certificantId, String credential, int year, String status, LocalDate openedOn,
                 LocalDate proofDueOn, LocalDate dueOn, BigDecimal acceptedCecs, BigDecimal requiredCecs) {
    }

    /** A page of the queue; {@code today} is the service's, its deadlines were judged on it. */
    record AuditPage(List<Audit> audits, int page, int size, long totalItems, LocalDate today,
                     Map<String, Long> countsByStatus) {
    }

    record CycleWindow(LocalDate from, LocalDate to) {
    }

    record Extension(LocalDate previousDueOn, LocalDate newDueOn, String reason, String extendedBy,
                     Instant extendedAt) {
    }

    record Item(UUID itemId, UUID creditId, String title, String provider, LocalDate completedOn, BigDecimal cecs,
                String category, List<UUID> documentIds, boolean preAccepted, Boolean accepted,
                String disallowedReason, int round, Instant submittedAt, String enteredBy) {
    }

    record Document(UUID documentId, long size, String sha256, String contentType, String fileName,
                    String uploadedBy, Instant uploadedAt, String receivedBy) {
    }

    record Decision(String outcome, String notes, String decidedBy, Instant decidedAt, BigDecimal cecsAccepted,
                    BigDecimal cecsDisallowed, LocalDate remediationDueOn, LocalDate validUntil) {
    }

    record Selection(String method, String selectedBy) {
    }

    /** One audit as the audit-service shows it to staff and auditors (the fields the page uses). */
    record AuditDetails(UUID auditId, UUID renewalId, String certificantId, String credential, int year,
                        String renewalKind, LocalDate renewedOn, String status, LocalDate openedOn,
                        LocalDate proofDueOn, LocalDate originalDueOn, LocalDate dueOn, String reason,
                        boolean extended, Extension extension, LocalDate remediationDueOn, LocalDate overdueSince,
                        LocalDate cureBy, CycleWindow window, BigDecimal verifiedCecs, BigDecimal acceptedCecs,
                        BigDecimal requiredCecs, List<Item> items, List<Document> documents, Decision decision,
                        LocalDate validUntil, String closedReason, Selection selection) {
    }

    record ItemVerdict(UUID itemId, boolean accepted, String disallowedReason) {
    }

    record DecisionRequest(String outcome, String notes, List<ItemVerdict> items) {
    }

    record ExtensionRequest(LocalDate newDueOn, String reason) {
    }

    /** Null filters are left out of the query (the service then does not filter by them). */
    @GET
    AuditPage audits(@QueryParam("status") String status, @QueryParam("credential") String credential,
                     @QueryParam("year") Integer year, @QueryParam("dueWithin") Integer dueWithin,
                     @QueryParam("sort") String sort, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("{auditId}")
    AuditDetails audit(@PathParam("auditId") UUID auditId);

    @POST
    @Path("{auditId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    AuditDetails decide(@PathParam("auditId") UUID auditId, DecisionRequest decision);

    @POST
    @Path("{auditId}/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    AuditDetails extend(@PathParam("auditId") UUID auditId, ExtensionRequest extension);

    /** Proof the person sent on paper (part 'file'), recorded as received by post and uploaded by the caller. */
    @POST
    @Path("{auditId}/documents/received-by-post")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Response uploadReceivedByPost(@PathParam("auditId") UUID auditId, ClientMultipartForm form);

    /** The document's bytes; inline=true records a view (not a download). */
    @GET
    @Path("{auditId}/documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    Response document(@PathParam("auditId") UUID auditId, @PathParam("documentId") UUID documentId,
                      @QueryParam("inline") boolean inline);
}
