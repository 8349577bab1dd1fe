package org.cecplatform.ledger.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.cecplatform.ledger.application.CreditHistory;
import org.cecplatform.ledger.application.CreditLedger;
import org.cecplatform.ledger.domain.Source;
import org.cecplatform.platform.api.CertificantIds;
import org.cecplatform.platform.api.ProblemException;
import org.cecplatform.platform.api.Paging;
import org.cecplatform.platform.api.Violations;
import org.cecplatform.platform.security.Caller;
import org.cecplatform.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A person's CEC ledger: report a credit, read the history, void a credit (staff). */
@Path("/api/v1/certificants/{certificantId}/credits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "credits", description = "A person's continuing-education credits: report, read, void")
public class CreditResource {

    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

    private final CreditLedger ledger;
    private final CreditHistory creditHistory;
    private final Caller caller;

    public CreditResource(CreditLedger ledger, CreditHistory creditHistory, Caller caller) {
        this.ledger = ledger;
        this.creditHistory = creditHistory;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF})
    @Operation(operationId = "recordCredit", summary = "Self-report a credit (the certificant) or enter one (staff)",
            description = "201 with the credit. With an Idempotency-Key, the same key and request again answer 201"
                    + " with the first credit (header Idempotent-Replayed: true) and record nothing; the same key"
                    + " with another request is 422.")
    @APIResponseSchema(value = CreditView.class, responseCode = "201", responseDescription = "recorded (or replayed)")
    @APIResponse(responseCode = "403", description = "another person's ledger, or a role that may not report")
    @APIResponse(responseCode = "422", description = "every violation listed (or the Idempotency-Key reused for"
            + " another request); nothing recorded")
    public Response report(@PathParam("certificantId") String certificantId,
                           @Parameter(description = "makes retries safe; at most 255 characters")
                           @HeaderParam("Idempotency-Key") String idempotencyKey,
                           CreditRequest body, @Context UriInfo uri) {
        Source source = sourceFor(certificantId);
        checkCertificantId(certificantId);
        CreditRequest request = body == null ? CreditRequest.EMPTY : body;
        CreditLedger.Idempotency idempotency = null;
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
                throw ProblemException.invalid("Idempotency-Key",
                        "must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
            }
            idempotency = new CreditLedger.Idempotency(idempotencyKey,
                    RequestFingerprint.of(certificantId, source, request));
        }
        CreditLedger.ClaimResult result = ledger.claim(certificantId, source, request.toClaim(), caller.subject(),
                idempotency);
        Response.ResponseBuilder response = Response
                .created(uri.getAbsolutePathBuilder().path(result.credit().creditId().toString()).build())
                .entity(CreditView.of(result.credit()));
        if (result.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF, Roles.AUDITOR})
    @Operation(operationId = "creditHistory", summary = "A person's CEC history: every credit,"
            + " newest completion first, with totals",
            description = "from/to filter on the completion date (inclusive); totals cover the whole range and"
                    + " leave voided credits out")
    public CreditHistoryView history(@PathParam("certificantId") String certificantId,
                                     @Parameter(description = "YYYY-MM-DD, inclusive") @QueryParam("from") String from,
                                     @Parameter(description = "YYYY-MM-DD, inclusive") @QueryParam("to") String to,
                                     @Parameter(description = "from 0") @QueryParam("page") String page,
                                     @Parameter(description = "1 to 500, default 50") @QueryParam("size") String size) {
        caller.requireSelfOr(certificantId, Roles.STAFF, Roles.AUDITOR);
        Violations violations = new Violations();
        LocalDate fromDate = date(from, "from", violations);
        LocalDate toDate = date(to, "to", violations);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            violations.add("from", "must not be after to");
        }
        Paging paging = Paging.of(page, size, violations);
        violations.throwIfAny("The query has invalid parameters.");
        return CreditHistoryView.of(certificantId, creditHistory.page(certificantId, fromDate, toDate, paging.page(),
                paging.size()), paging.page(), paging.size());
    }

    @GET
    @Path("{creditId}")
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF, Roles.AUDITOR})
    @Operation(operationId = "getCredit", summary = "One credit of a person")
    @APIResponseSchema(CreditView.class)
    @APIResponse(responseCode = "404", description = "no such credit in this person's ledger")
    public CreditView credit(@PathParam("certificantId") String certificantId,
                             @PathParam("creditId") String creditId) {
        caller.requireSelfOr(certificantId, Roles.STAFF, Roles.AUDITOR);
        return CreditView.of(creditHistory.credit(certificantId, creditId(certificantId, creditId)));
    }

    @POST
    @Path("{creditId}/void")
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "voidCredit", summary = "Void a credit (staff, with a reason): it stays in the"
            + " history, marked voided, and never counts again")
    @APIResponseSchema(value = CreditView.class, responseDescription = "the credit, voided")
    @APIResponse(responseCode = "404", description = "no such credit in this person's ledger")
    @APIResponse(responseCode = "409", description = "the credit is voided already")
    public CreditView voidCredit(@PathParam("certificantId") String certificantId,
                                 @PathParam("creditId") String creditId, VoidRequest body) {
        UUID id = creditId(certificantId, creditId);
        String reason = body == null ? null : body.reason();
        return CreditView.of(ledger.voidCredit(certificantId, id, reason, caller.subject()));
    }

    /** Staff enter credits for anyone; a certificant reports only their own (403 otherwise). */
    private Source sourceFor(String certificantId) {
        if (caller.hasRole(Roles.STAFF)) {
            return Source.STAFF_ENTERED;
        }
        caller.requireSelf(certificantId);
        return Source.SELF_REPORTED;
    }

    private static UUID creditId(String certificantId, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("credit " + text + " is not in the ledger of " + certificantId);
        }
    }

    /** The platform's path filter refuses such an id first; this keeps the write safe on its own. */
    private static void checkCertificantId(String certificantId) {
        CertificantIds.check("certificantId", certificantId);
    }

    private static LocalDate date(String text, String field, Violations violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            violations.add(field, "must be a date (YYYY-MM-DD)");
            return null;
        }
    }
}
