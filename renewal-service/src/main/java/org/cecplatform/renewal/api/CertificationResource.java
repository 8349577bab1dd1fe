package org.cecplatform.renewal.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.cecplatform.platform.api.ProblemException;
import org.cecplatform.platform.security.Caller;
import org.cecplatform.platform.security.Roles;
import org.cecplatform.renewal.application.CertificationCommands;
import org.cecplatform.renewal.application.CertificationQueries;
import org.cecplatform.renewal.application.CertificationsAsOf;
import org.cecplatform.renewal.domain.Certification;
import org.cecplatform.renewal.domain.CertificationProgress;
import org.cecplatform.renewal.domain.RenewalRulesHistory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "certifications", description = "A person's certifications and cycles, their progress, the renewal"
        + " quote and the person's history in this service")
public class CertificationResource {

    private final CertificationCommands commands;
    private final CertificationQueries queries;
    private final CertificationsAsOf asOf;
    private final RenewalRulesHistory rules;
    private final Caller caller;

    public CertificationResource(CertificationCommands commands, CertificationQueries queries, CertificationsAsOf asOf,
                                 RenewalRulesHistory rules, Caller caller) {
        this.commands = commands;
        this.queries = queries;
        this.asOf = asOf;
        this.rules = rules;
        this.caller = caller;
    }

    @POST
    @Path("/certifications")
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "grantCertification", summary = "Grant a certification after an exam (certifiedOn"
            + " defaults to today in the policy zone)")
    @APIResponseSchema(value = Views.CertificationView.class, responseCode = "201",
            responseDescription = "granted: the certification with its first cycle")
    @APIResponse(responseCode = "409", description = "the person already holds the credential")
    public Response grant(GrantRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON body with certificantId, credential and certifiedOn is"
                    + " required");
        }
        Certification granted = commands.grant(request.certificantId(), request.credential(), request.certifiedOn(),
                caller.subject());
        CertificationProgress progress = queries.progress(granted.certificantId()).stream()
                .filter(p -> p.certification().id().equals(granted.id())).findFirst().orElseThrow();
        return Response.created(UriBuilder.fromPath("/api/v1/certificants/{certificantId}/certifications")
                        .build(granted.certificantId()))
                .entity(Views.of(progress, rules.on(queries.today()).policy())).build();
    }

    @GET
    @Path("/certificants/{certificantId}/certifications")
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF, Roles.AUDITOR, Roles.NOTIFIER})
    @Operation(operationId = "listCertifications", summary = "Each certification with its status, cycle,"
            + " CECs required, tracked in the ledger (caps"
            + " applied) and remaining, days left, and whether it can be renewed now and why not; with"
            + " ?asOf=YYYY-MM-DD, as it stood at the end of that day (policy zone), computed from the events and the"
            + " policy then in force (422 for a day after today)")
    public Views.CertificationsView certifications(@PathParam("certificantId") String certificantId,
                                                   @QueryParam("asOf") String asOfDay) {
        // notifier: the notification-service's reminders read the CECs still missing from here, never recompute them
        caller.requireSelfOr(certificantId, Roles.STAFF, Roles.AUDITOR, Roles.NOTIFIER);
        LocalDate today = queries.today();
        if (asOfDay == null) {
            return view(certificantId, today, queries.progress(certificantId));
        }
        LocalDate day = pastDay(asOfDay, today);
        return view(certificantId, day, asOf.progress(certificantId, day));
    }

    private Views.CertificationsView view(String certificantId, LocalDate day, List<CertificationProgress> progress) {
        return new Views.CertificationsView(certificantId, day, progress.stream()
                .map(p -> Views.of(p, rules.on(day).policy())).toList());
    }

    /** The day an {@code asOf} names: a date, today or earlier (what is still to come is not known). */
    private static LocalDate pastDay(String asOfDay, LocalDate today) {
        LocalDate day;
        try {
            day = LocalDate.parse(asOfDay);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("asOf", "must be a date, YYYY-MM-DD");
        }
        if (day.isAfter(today)) {
            throw ProblemException.invalid("asOf", "must be today (" + today + ") or earlier: the future is not"
                    + " known");
        }
        return day;
    }

    @GET
    @Path("/certificants/{certificantId}/renewal-quote")
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF, Roles.AUDITOR})
    @Operation(operationId = "quoteRenewal", summary = "What renewing the named credentials today requires and costs,"
            + " itemised"
            + " (?credentials=CPT,GEI); 422 naming each credential that cannot be renewed now")
    public Views.QuoteView quote(@PathParam("certificantId") String certificantId,
                                 @QueryParam("credentials") List<String> credentials) {
        caller.requireSelfOr(certificantId, Roles.STAFF, Roles.AUDITOR);
        List<String> codes = credentials == null ? List.of() : credentials.stream()
                .filter(Objects::nonNull)
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(code -> !code.isEmpty())
                .toList();
        if (codes.isEmpty()) {
            throw ProblemException.invalid("credentials", "name the credentials to quote, e.g. ?credentials=CPT,GEI");
        }
        return Views.of(certificantId, queries.quote(certificantId, codes));
    }
}
