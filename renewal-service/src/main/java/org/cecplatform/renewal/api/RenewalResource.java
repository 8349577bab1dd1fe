package org.cecplatform.renewal.api;

import org.cecplatform.platform.api.Paging;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.cecplatform.platform.api.ProblemException;
import org.cecplatform.platform.security.Caller;
import org.cecplatform.platform.security.Roles;
import org.cecplatform.renewal.application.CertificationCommands;
import org.cecplatform.renewal.application.CertificationQueries;
import org.cecplatform.renewal.domain.AttestedCecs;
import org.cecplatform.renewal.domain.CprCard;
import org.cecplatform.renewal.domain.Payment;
import org.cecplatform.renewal.domain.Renewal;
import org.cecplatform.renewal.domain.RenewalRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(name = "renewals")
public class RenewalResource {

    private final CertificationCommands commands;
    private final CertificationQueries queries;
    private final Caller caller;

    public RenewalResource(CertificationCommands commands, CertificationQueries queries, Caller caller) {
        this.commands = commands;
        this.queries = queries;
        this.caller = caller;
    }

    @POST
    @Path("/certificants/{id}/renewals")
    @RolesAllowed(Roles.CERTIFICANT)
    @Operation(summary = "Renew (or reinstate) credentials: the certificant's own attestation (staff may not submit"
            + " it). 201 with the new cycle; 422 listing every unmet requirement; 409 when the payment reference"
            + " already renewed")
    public Response renew(@PathParam("id") String certificantId, RenewalBody body) {
        caller.requireSelf(certificantId);
        if (body == null) {
            throw ProblemException.invalid("body", "the renewal form is required");
        }
        Renewal renewal = commands.renew(certificantId, toRequest(body), caller.subject());
        return Response.created(URI.create("/api/v1/renewals/" + renewal.renewalId())).entity(Views.of(renewal))
                .build();
    }

    @GET
    @Path("/renewals/{renewalId}")
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF, Roles.AUDITOR})
    @Operation(summary = "One renewal: attested totals beside what the ledger tracked, fee, payment, CPR card")
    public Views.RenewalView renewal(@PathParam("renewalId") String renewalId) {
        UUID id;
        try {
            id = UUID.fromString(renewalId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No renewal " + renewalId + ".");
        }
        Renewal renewal = queries.renewal(id).orElseThrow(() -> ProblemException.notFound("No renewal " + id + "."));
        caller.requireSelfOr(renewal.certificantId(), Roles.STAFF, Roles.AUDITOR);
        return Views.of(renewal);
    }

    @GET
    @Path("/certificants/{id}/renewals")
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF, Roles.AUDITOR})
    @Operation(summary = "A person's renewals, newest first (page from 0, size 1..500, default 50)")
    public Views.RenewalPage renewals(@PathParam("id") String certificantId, @QueryParam("page") String page,
                                      @QueryParam("size") String size) {
        caller.requireSelfOr(certificantId, Roles.STAFF, Roles.AUDITOR);
        Paging paging = Paging.of(page, size);
        CertificationQueries.Page<Renewal> found = queries.renewals(certificantId, paging.page(), paging.size());
        return new Views.RenewalPage(certificantId, paging.page(), paging.size(), found.total(),
                found.items().stream().map(Views::of).toList());
    }

    private static RenewalRequest toRequest(RenewalBody body) {
        RenewalBody.Attested a = body.attestedCecs();
        RenewalBody.Cpr cpr = body.cpr();
        RenewalBody.PaymentBody payment = body.payment();
        return new RenewalRequest(body.credentials(),
                a == null ? null : new AttestedCecs(a.ceOnlineAndAcsmEvents(), a.otherProviders(), a.collegeCourses(),
                        a.committeeService(), a.cprAedFirstAid(), a.publicationsAndPresentations()),
                body.acknowledged(),
                cpr == null ? null : new CprCard(cpr.provider(), cpr.issuedOn(), cpr.expiresOn(), cpr.handsOnSkills()),
                payment == null ? null : new Payment(payment.amount(), payment.currency(), payment.reference()));
    }
}
