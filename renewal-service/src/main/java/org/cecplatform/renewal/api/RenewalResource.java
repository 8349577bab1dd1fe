package org.cecplatform.renewal.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.platform.api.Paging;
import org.cecplatform.platform.api.ProblemException;
import org.cecplatform.platform.security.Caller;
import org.cecplatform.platform.security.Roles;
import org.cecplatform.renewal.application.CertificationCommands;
import org.cecplatform.renewal.application.Page;
import org.cecplatform.renewal.application.RenewalQueries;
import org.cecplatform.renewal.domain.AttestedCecs;
import org.cecplatform.renewal.domain.CprCard;
import org.cecplatform.renewal.domain.PendingRenewal;
import org.cecplatform.renewal.domain.Renewal;
import org.cecplatform.renewal.domain.RenewalRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "renewals", description = "Renewal and reinstatement requests and the renewals they became")
public class RenewalResource {

    /** As the ledger's credit API allows. */
    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

    private final CertificationCommands commands;
    private final RenewalQueries queries;
    private final Caller caller;

    public RenewalResource(CertificationCommands commands, RenewalQueries queries, Caller caller) {
        this.commands = commands;
        this.queries = queries;
        this.caller = caller;
    }

    @POST
    @Path("/certificants/{certificantId}/renewals")
    @RolesAllowed(Roles.CERTIFICANT)
    @Operation(operationId = "requestRenewal",
    summary = "Request a renewal (or reinstatement): the certificant's own attestation (staff may not"
            + " submit it). 202 with the renewal PENDING its payment: the amount, currency and payment reference to pay"
            + " with the payment provider, and when it expires; the renewal completes when the provider confirms"
            + " that payment. 422 listing every unmet requirement. With an Idempotency-Key, the same key and request"
            + " again answer the same renewal; the key with another request is 422")
    @APIResponseSchema(value = Views.RenewalView.class, responseCode = "202",
            responseDescription = "accepted: PENDING until the payment provider confirms the payment")
    public Response renew(@PathParam("certificantId") String certificantId,
                          @HeaderParam("Idempotency-Key") String idempotencyKey, RenewalBody body) {
        caller.requireSelf(certificantId);
        if (body == null) {
            throw ProblemException.invalid("body", "the renewal form is required");
        }
        RenewalRequest request = toRequest(body);
        CertificationCommands.Idempotency idempotency = null;
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
                throw ProblemException.invalid("Idempotency-Key",
                        "must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
            }
            idempotency = new CertificationCommands.Idempotency(idempotencyKey,
                    RenewalFingerprint.of(certificantId, request));
        }
        PendingRenewal pending = commands.requestRenewal(certificantId, request, caller.subject(), idempotency);
        return Response.accepted(Views.of(pending))
                .location(URI.create("/api/v1/renewals/" + pending.renewalId())).build();
    }

    @GET
    @Path("/renewals/{renewalId}")
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF, Roles.AUDITOR})
    @Operation(operationId = "getRenewal", summary = "One renewal: PENDING (what to pay, and until when),"
            + " COMPLETED (attested totals beside what"
            + " the ledger tracked, fee, payment, CPR card) or EXPIRED (never paid, nothing changed)")
    @APIResponseSchema(Views.RenewalView.class)
    @APIResponse(responseCode = "404", description = "no such renewal")
    public Views.RenewalView renewal(@PathParam("renewalId") String renewalId) {
        UUID id;
        try {
            id = UUID.fromString(renewalId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No renewal " + renewalId + ".");
        }
        Optional<Renewal> renewed = queries.renewal(id);
        if (renewed.isPresent()) {
            caller.requireSelfOr(renewed.get().certificantId(), Roles.STAFF, Roles.AUDITOR);
            return Views.of(renewed.get());
        }
        PendingRenewal request = queries.request(id)
                .orElseThrow(() -> ProblemException.notFound("No renewal " + id + "."));
        caller.requireSelfOr(request.certificantId(), Roles.STAFF, Roles.AUDITOR);
        return Views.of(request);
    }

    @GET
    @Path("/certificants/{certificantId}/renewals")
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF, Roles.AUDITOR})
    @Operation(operationId = "listRenewals", summary = "A person's completed renewals, newest first (page from 0,"
            + " size 1..500, default 50), and"
            + " the renewal requests still waiting for their payment (awaitingPayment)")
    public Views.RenewalPage renewals(@PathParam("certificantId") String certificantId, @QueryParam("page") String page,
                                      @QueryParam("size") String size) {
        caller.requireSelfOr(certificantId, Roles.STAFF, Roles.AUDITOR);
        Paging paging = Paging.of(page, size);
        Page<Renewal> found = queries.renewalsOf(certificantId, paging.page(), paging.size());
        return new Views.RenewalPage(certificantId, paging.page(), paging.size(), found.total(),
                found.items().stream().map(Views::of).toList(),
                queries.awaitingPayment(certificantId).stream().map(Views::of).toList());
    }

    private static RenewalRequest toRequest(RenewalBody body) {
        RenewalBody.Attested a = body.attestedCecs();
        RenewalBody.Cpr cpr = body.cpr();
        return new RenewalRequest(body.credentials(),
                a == null ? null : new AttestedCecs(a.ceOnlineAndAcsmEvents(), a.otherProviders(), a.collegeCourses(),
                        a.committeeService(), a.cprAedFirstAid(), a.publicationsAndPresentations()),
                body.acknowledged(),
                cpr == null ? null : new CprCard(cpr.provider(), cpr.issuedOn(), cpr.expiresOn(), cpr.handsOnSkills()),
                null);
    }
}
